import type { HttpTarget } from '../probe/http-target';

/**
 * The Lua script wrk needs to send a POST with a body: method, headers and body set once on `wrk`
 * (wrk builds the request a single time and reuses it for every request on every connection).
 */
export function wrkLuaScript(target: HttpTarget): string {
  // wrk sets Content-Length from wrk.body itself (and refuses a script that sets it).
  const headers = Object.entries(target.headers).filter(([name]) => name.toLowerCase() !== 'content-length');
  const lines = ['wrk.method = "POST"', `wrk.body = ${luaLongString(target.body)}`];
  for (const [name, value] of headers)
    lines.push(`wrk.headers[ ${luaLongString(name)} ] = ${luaLongString(value)}`);
  return lines.join('\n') + '\n';
}

/**
 * A Lua long-bracket literal holding `text` byte for byte: the level (number of `=`) is chosen so the
 * closing bracket cannot occur inside. A leading newline is doubled because Lua drops the first one.
 */
export function luaLongString(text: string): string {
  let level = 0;
  while (text.includes(`]${'='.repeat(level)}]`)) level++;
  const equals = '='.repeat(level);
  const leading = text.startsWith('\n') ? '\n' : '';
  return `[${equals}[${leading}${text}]${equals}]`;
}
