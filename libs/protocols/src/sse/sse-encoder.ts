import { map, type OperatorFunction } from 'rxjs';
import type { SseEvent } from './sse-event';

const LINE_BREAK = /\r\n|\r|\n/;

/** One event in wire framing: `event: x\ndata: …\n\n`; multi-line data becomes several `data:` lines. */
export function encodeSseEvent(event: SseEvent): string {
  let out = event.event === undefined ? '' : `event: ${event.event}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.retry !== undefined) out += `retry: ${event.retry}\n`;
  const data = event.data;
  if (event.singleLine === true || (data.indexOf('\n') === -1 && data.indexOf('\r') === -1))
    return `${out}data: ${data}\n\n`;
  for (const line of data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** A comment line (ignored by every SSE client), useful as a keep-alive. */
export function encodeSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

export function encodeSse(): OperatorFunction<SseEvent, string> {
  return map(encodeSseEvent);
}
