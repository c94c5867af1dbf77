import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { anthropicMessage, anthropicStreamEvents } from './anthropic-responses';
import { openaiCompletion, openaiStreamEvents } from './openai-responses';

/**
 * Loopback upstream speaking both protocols, with no dependencies:
 *   [/delay/<firstByteMs>/<betweenEventsMs>]/anthropic/v1/messages
 *   [/delay/<firstByteMs>/<betweenEventsMs>]/openai/v1/chat/completions
 *   /burst/anthropic/… and /burst/openai/… → a stream's events all in one write (one upstream read)
 *   /tick/anthropic/… and /tick/openai/… → one write per event, all in the same event-loop turn
 *   /fail/...            → 500 in the protocol's error shape (fallback scenario)
 *   GET /stats           → request counters; POST /stats/reset zeroes them
 * It rejects what the real APIs reject on the paths the bench uses, so a wrong conversion shows up as a 400.
 */
export interface MockOptions {
  firstByteDelayMs: number;
  betweenEventsDelayMs: number;
  /** The whole stream in one write instead of one write per event turn. */
  burst?: boolean;
  /** One write per event, all in one turn (the reader gets them in a few reads, not one per event). */
  oneTick?: boolean;
}

export interface MockCounters {
  anthropic: number;
  openai: number;
  fail: number;
  rejected: number;
}

const DELAY_PREFIX = /^\/delay\/(\d+)\/(\d+)(\/.*)$/;
const BURST_PREFIX = '/burst/';
const TICK_PREFIX = '/tick/';

export function createMockUpstream(options: MockOptions): Server {
  const counters: MockCounters = { anthropic: 0, openai: 0, fail: 0, rejected: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => route(req, res, Buffer.concat(chunks).toString('utf8'), counters, options));
  });
  // Longer than any client pool's idle timeout, so a reused socket is never closed under the client.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
  counters: MockCounters,
  options: MockOptions,
): void {
  let path = (req.url ?? '/').split('?')[0];
  if (path === '/stats') return sendJson(res, 200, JSON.stringify(counters));
  if (path === '/stats/reset') {
    counters.anthropic = counters.openai = counters.fail = counters.rejected = 0;
    return sendJson(res, 200, JSON.stringify(counters));
  }
  let delays = options;
  const delayed = DELAY_PREFIX.exec(path);
  if (delayed) {
    delays = { firstByteDelayMs: Number(delayed[1]), betweenEventsDelayMs: Number(delayed[2]) };
    path = delayed[3];
  } else if (path.startsWith(BURST_PREFIX)) {
    delays = { ...options, burst: true };
    path = path.slice(BURST_PREFIX.length - 1);
  } else if (path.startsWith(TICK_PREFIX)) {
    delays = { ...options, oneTick: true };
    path = path.slice(TICK_PREFIX.length - 1);
  }
  if (path.startsWith('/fail/')) {
    counters.fail++;
    return sendJson(
      res,
      500,
      JSON.stringify({ error: { type: 'api_error', message: 'bench: planned failure' } }),
    );
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    counters.rejected++;
    return sendJson(res, 400, errorBody('invalid_request_error', 'body is not JSON'));
  }
  if (req.method === 'POST' && path.endsWith('/v1/messages')) {
    const problem = anthropicProblem(req, body);
    if (problem) {
      counters.rejected++;
      return sendJson(res, 400, errorBody('invalid_request_error', problem));
    }
    counters.anthropic++;
    const model = String(body.model);
    if (body.stream === true) return streamEvents(res, anthropicStreamEvents(model), delays);
    return later(delays.firstByteDelayMs, () => sendJson(res, 200, anthropicMessage(model)));
  }
  if (req.method === 'POST' && path.endsWith('/chat/completions')) {
    const problem = openaiProblem(body);
    if (problem) {
      counters.rejected++;
      return sendJson(res, 400, errorBody('invalid_request_error', problem));
    }
    counters.openai++;
    const model = String(body.model);
    if (body.stream === true) {
      const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
      return streamEvents(res, openaiStreamEvents(model, streamOptions?.include_usage === true), delays);
    }
    return later(delays.firstByteDelayMs, () => sendJson(res, 200, openaiCompletion(model)));
  }
  counters.rejected++;
  sendJson(res, 404, errorBody('not_found_error', `no mock at ${req.method} ${path}`));
}

function anthropicProblem(req: IncomingMessage, body: Record<string, unknown>): string | undefined {
  if (!req.headers['anthropic-version']) return 'anthropic-version header is required';
  if (typeof body.model !== 'string') return 'model: Field required';
  if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: Field required';
  for (const message of body.messages as Array<{ role?: unknown }>) {
    if (message.role !== 'user' && message.role !== 'assistant') {
      return `messages: Unexpected role "${String(message.role)}"`;
    }
  }
  return undefined;
}

function openaiProblem(body: Record<string, unknown>): string | undefined {
  if (typeof body.model !== 'string') return "Missing required parameter: 'model'.";
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return "Missing required parameter: 'messages'.";
  }
  return undefined;
}

function errorBody(type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message } });
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function later(delayMs: number, action: () => void): void {
  if (delayMs > 0) setTimeout(action, delayMs);
  else action();
}

/** One write per event, each in its own turn of the event loop, like a real upstream emitting tokens. */
function streamEvents(res: ServerResponse, events: Buffer[], delays: MockOptions): void {
  let index = 0;
  if (delays.burst) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.end(Buffer.concat(events));
    return;
  }
  if (delays.oneTick) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (let i = 0; i < events.length - 1; i++) res.write(events[i]);
    res.end(events[events.length - 1]);
    return;
  }
  let closed = false;
  res.on('close', () => (closed = true));
  const writeNext = (): void => {
    if (closed) return;
    if (index === 0) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    }
    if (index === events.length - 1) {
      res.end(events[index]);
      return;
    }
    res.write(events[index++]);
    if (delays.betweenEventsDelayMs > 0) setTimeout(writeNext, delays.betweenEventsDelayMs);
    else setImmediate(writeNext);
  };
  later(delays.firstByteDelayMs, writeNext);
}
