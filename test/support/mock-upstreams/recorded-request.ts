import type { IncomingHttpHeaders } from 'node:http';

/** What a mock upstream received, as the gateway sent it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/anthropic/v1/messages`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names, as node parses them. */
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body; `{}` when the body is empty or not a JSON object. */
  body: Record<string, unknown>;
  receivedAt: number;
  /** Set when the mock turned the request down the way the real API would (status and the body it sent). */
  rejection?: { status: number; body: unknown };
  /** Resolves when the caller closed the connection before the mock finished its response. */
  aborted: Promise<void>;
  /** True once the caller closed the connection before the mock finished its response. */
  wasAborted(): boolean;
  /** For streamed answers: SSE frames written so far (the mock waits for `drain`, so a slow reader holds it back). */
  stream: { framesWritten: number; framesTotal: number };
  /** Resolves when the exchange is over (finished, aborted or cut), whichever happens first. */
  settled: Promise<void>;
}
