/**
 * Where each value of a JSON text starts: `instances.0.weight` → its line (1-based), so the editor can put the
 * admin API's field errors next to the fields they are about. Returns an empty map for invalid JSON.
 */
export function locateJsonPaths(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let index = 0;
  let line = 1;
  const skipSpace = () => {
    while (index < text.length && /\s/.test(text[index])) {
      if (text[index] === '\n') line++;
      index++;
    }
  };
  const readString = (): string => {
    const start = index;
    index++;
    while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    lines.set(path, line);
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      while (text[index] !== '}') {
        if (index >= text.length) throw new Error('unterminated');
        skipSpace();
        const key = readString();
        skipSpace();
        index++; // :
        value(path ? `${path}.${key}` : key);
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '[') {
      index++;
      skipSpace();
      let item = 0;
      while (text[index] !== ']') {
        if (index >= text.length) throw new Error('unterminated');
        value(path ? `${path}.${item}` : String(item));
        item++;
        skipSpace();
        if (text[index] === ',') index++;
        skipSpace();
      }
      index++;
    } else if (char === '"') {
      readString();
    } else {
      while (index < text.length && /[^,\]}\s]/.test(text[index])) index++;
    }
  };
  try {
    value('');
  } catch {
    return new Map();
  }
  return lines;
}

/** The line of a path, or of its nearest located parent (a missing field's error points at its object). */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  const parts = path.split('.');
  while (parts.length > 0) {
    const found = lines.get(parts.join('.'));
    if (found !== undefined) return found;
    parts.pop();
  }
  return lines.get('');
}
