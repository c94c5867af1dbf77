import { isJsonObject, tryParseJson } from '@switchboard/protocols';

/**
 * OpenAI `function.arguments` (a JSON string, possibly empty, truncated or not an object) → an input object that
 * Anthropic accepts. Never fails: a tool_use is never dropped, because its tool_result would be orphaned.
 *   ""            → {}
 *   '{"a":1}'     → {a:1}
 *   '[1,2]'       → {value:[1,2]}
 *   '{"a":1'      → repaired by closing strings and brackets → {a:1}; unrepairable → {}
 */
export function toolInputFromArguments(args: unknown): Record<string, unknown> {
  if (isJsonObject(args)) return args;
  if (typeof args !== 'string' || args.trim().length === 0) return {};
  const parsed = tryParseJson(args);
  if (parsed !== undefined) return isJsonObject(parsed) ? parsed : { value: parsed };
  const repaired = tryParseJson(repairTruncatedJson(args));
  return isJsonObject(repaired) ? repaired : {};
}

/** Closes an unterminated string and any open brackets; drops a dangling `,` or `:`. */
export function repairTruncatedJson(text: string): string {
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') closers.pop();
  }
  let out = text;
  if (escaped) out = out.slice(0, -1);
  if (inString) out += '"';
  out = out.replace(/[,:]\s*$/, '');
  if (/"\s*$/.test(out) && closers[closers.length - 1] === '}' && /[{,]\s*"[^"]*"\s*$/.test(out)) {
    out += ':null';
  }
  return out + closers.reverse().join('');
}
