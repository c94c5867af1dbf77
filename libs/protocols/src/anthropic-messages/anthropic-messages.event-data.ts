import { hasTextAt, plainJsonStringEnd } from '../json/json-text';
import { tryParseJson } from '../json/json-value';

const TEXT_DELTA_HEAD = '{"type":"content_block_delta","index":';
const TEXT_DELTA_BODY = ',"delta":{"type":"text_delta","text":"';
const TEXT_DELTA_TAIL = '"}}';
/** Longest block index read: beyond it JSON.parse decides (an index never gets near it). */
const MAX_INDEX_DIGITS = 6;

/**
 * The data of an Anthropic stream event, parsed: `JSON.parse`, or `undefined` when it is not JSON. Nearly every
 * event of a stream is a text delta, written exactly as `{"type":"content_block_delta","index":N,"delta":
 * {"type":"text_delta","text":"…"}}`; when its text holds nothing JSON escapes (no `"`, `\`, control character or
 * surrogate) the object is built from the string as it is, equal to what `JSON.parse` returns, without the
 * parser's work. Anything else goes to `JSON.parse`.
 */
export function parseAnthropicEventData(data: string): unknown {
  return plainTextDelta(data) ?? tryParseJson(data);
}

function plainTextDelta(data: string): object | undefined {
  if (
    !hasTextAt(data, TEXT_DELTA_HEAD, 0) ||
    !hasTextAt(data, TEXT_DELTA_TAIL, data.length - TEXT_DELTA_TAIL.length)
  )
    return undefined;
  let at = TEXT_DELTA_HEAD.length;
  const first = data.charCodeAt(at) - 48;
  if (first < 0 || first > 9) return undefined;
  let index = first;
  at++;
  // JSON has no leading zeros: "0" is the only index that starts with 0.
  if (first !== 0) {
    for (let digit = data.charCodeAt(at) - 48; digit >= 0 && digit <= 9; digit = data.charCodeAt(at) - 48) {
      if (at - TEXT_DELTA_HEAD.length >= MAX_INDEX_DIGITS) return undefined;
      index = index * 10 + digit;
      at++;
    }
  }
  if (!hasTextAt(data, TEXT_DELTA_BODY, at)) return undefined;
  const start = at + TEXT_DELTA_BODY.length;
  const end = data.length - TEXT_DELTA_TAIL.length;
  if (plainJsonStringEnd(data, start) !== end) return undefined;
  return { type: 'content_block_delta', index, delta: { type: 'text_delta', text: data.slice(start, end) } };
}
