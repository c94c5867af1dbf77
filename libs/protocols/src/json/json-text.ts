/**
 * `text.startsWith(part, at)`, four times faster on Node 20 for short constant parts (measured 55 vs 210 ns a
 * call: `startsWith` is not inlined; comparing a slice is).
 */
export function hasTextAt(text: string, part: string, at: number): boolean {
  return at >= 0 && text.slice(at, at + part.length) === part;
}

/**
 * The index of the closing quote of the JSON string whose content starts at `start`, when that content reads
 * as it is written: no escape, no control character, no surrogate (a slice of it is then exactly what
 * `JSON.parse` returns, and exactly what `JSON.stringify` writes back). -1 otherwise, or when the string is not
 * closed.
 */
export function plainJsonStringEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i;
    if (code < 0x20 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return -1;
  }
  return -1;
}
