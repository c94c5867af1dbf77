import type { RecordedRequest } from './recorded-request';
import type { AssistantTurn } from './reply-spec';

export interface MockRejection {
  status: number;
  body: unknown;
}

/** What makes a mock speak one protocol: which paths it serves, what it rejects, how it renders answers. */
export interface MockDialect {
  /** The operation a path names (e.g. `messages`), or undefined for a path the real API does not serve. */
  operation(request: RecordedRequest): string | undefined;
  /** A rejection the real API would send for this request, if any. */
  validate(request: RecordedRequest, operation: string): MockRejection | undefined;
  errorBody(status: number, errorType?: string, message?: string): unknown;
  /** Headers every response of the real API carries (request ids). */
  responseHeaders(): Record<string, string>;
  isStreamRequested(request: RecordedRequest, operation: string): boolean;
  renderJson(turn: AssistantTurn, request: RecordedRequest, operation: string): unknown;
  /** Complete SSE frames (`event:`/`data:` lines and the blank line) of a successful stream. */
  renderStream(turn: AssistantTurn, request: RecordedRequest): string[];
  /** The protocol's in-stream error frame(s). */
  renderStreamError(errorType?: string, message?: string): string[];
}

export function sseFrame(data: unknown, event?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}

export function randomId(prefix: string, length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = prefix;
  for (let i = 0; i < length; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}

/** Splits text into a few realistic deltas (models stream a handful of characters at a time). */
export function chunkText(text: string, size = 4): string[] {
  if (text.length === 0) return [];
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}
