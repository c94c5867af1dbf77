import { isJsonObject, responsesEventType, tryParseJson, type SseEvent } from '@switchboard/protocols';

const FINISHED = new Set(['response.completed', 'response.incomplete']);

/**
 * Keeps the `Response` a Responses client received, to store it after the response ends: the JSON answer, or
 * the `response` of a stream's `response.completed`/`.incomplete` event (a failed or cut stream leaves none).
 */
export class ResponseCapture {
  response: Record<string, unknown> | undefined;

  /** A streamed client event; only the terminal lifecycle events are parsed. */
  observe(event: SseEvent): void {
    const type = responsesEventType(event);
    if (type === undefined || !FINISHED.has(type)) return;
    const data = tryParseJson(event.data);
    if (isJsonObject(data) && isJsonObject(data.response)) this.response = data.response;
  }

  /** A whole JSON answer. */
  fromPayload(payload: string | Buffer): void {
    const parsed = tryParseJson(typeof payload === 'string' ? payload : payload.toString('utf8'));
    if (isJsonObject(parsed) && typeof parsed.id === 'string') this.response = parsed;
  }
}
