import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { delay, drainOrClose } from './loopback';
import type { MockDialect } from './mock-dialect';
import { readRequest } from './read-request';
import type { RecordedRequest } from './recorded-request';
import type { ReplySpec } from './reply-spec';

export interface MockUpstreamOptions {
  /** When set, requests must carry this key (`x-api-key` or `Authorization: Bearer`), else 401 as the real API. */
  apiKey?: string;
}

/**
 * A loopback HTTP server standing in for an upstream: it records every request, rejects what the real API
 * rejects, and answers with scripted replies (queued with `enqueue`, else the default set with `reply`).
 */
export class MockUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ReplySpec[] = [];
  private defaultReply: ReplySpec;
  private readonly sockets = new Set<Socket>();
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private url_ = '';

  constructor(
    private readonly dialect: MockDialect,
    defaultReply: ReplySpec,
    private readonly options: MockUpstreamOptions = {},
    private readonly server: Server = createServer((req, res) => void this.handle(req, res)),
  ) {
    this.defaultReply = defaultReply;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  get url(): string {
    return this.url_;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.url_ = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Scripts the next replies, in order; once they are used up the default reply answers. */
  enqueue(...replies: ReplySpec[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Sets the reply used whenever the queue is empty. */
  reply(spec: ReplySpec): this {
    this.defaultReply = spec;
    return this;
  }

  /** Requests the mock accepted (not turned down as invalid). */
  get accepted(): RecordedRequest[] {
    return this.requests.filter((request) => !request.rejection);
  }

  get last(): RecordedRequest | undefined {
    return this.requests[this.requests.length - 1];
  }

  /** Resolves once `count` requests have arrived in total; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`mock saw ${this.requests.length} requests, expected ${count}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  clear(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await this.record(req, res);
    if (!request) return;
    const operation = this.dialect.operation(request);
    const base = this.dialect.responseHeaders();
    if (!operation) {
      return this.reject(
        request,
        res,
        404,
        this.dialect.errorBody(404, undefined, `Not Found: ${request.path}`),
      );
    }
    const authFailure = this.checkAuth(request);
    if (authFailure) return this.reject(request, res, 401, authFailure);
    const rejection = this.dialect.validate(request, operation);
    if (rejection) return this.reject(request, res, rejection.status, rejection.body);

    let spec = this.queue.shift() ?? this.defaultReply;
    while (spec.kind === 'dynamic') spec = spec.decide(request);

    switch (spec.kind) {
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'error':
        return this.send(
          res,
          spec.status,
          { ...base, ...spec.headers },
          JSON.stringify(this.dialect.errorBody(spec.status, spec.errorType, spec.message)),
        );
      case 'json':
        return this.send(res, spec.status, { ...base, ...spec.headers }, JSON.stringify(spec.body));
      case 'raw':
        return this.send(
          res,
          spec.status,
          { 'content-type': 'text/plain', ...base, ...spec.headers },
          spec.body,
        );
      case 'raw-stream':
        return this.rawStream(res, base, spec.chunks, spec.then ?? 'end');
      case 'turn': {
        if (spec.headerDelayMs) await delay(spec.headerDelayMs);
        if (res.destroyed) return;
        if (!this.dialect.isStreamRequested(request, operation)) {
          const body = this.dialect.renderJson(spec.turn, request, operation);
          return this.send(res, 200, { ...base, ...spec.headers }, JSON.stringify(body));
        }
        return this.stream(res, { ...base, ...spec.headers }, spec, request);
      }
    }
  }

  private async stream(
    res: ServerResponse,
    headers: Record<string, string>,
    spec: Extract<ReplySpec, { kind: 'turn' }>,
    request: RecordedRequest,
  ): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...headers,
    });
    res.flushHeaders();
    const frames = this.dialect.renderStream(spec.turn, request);
    const breakAt = spec.streamBreak ? Math.min(spec.streamBreak.afterEvents, frames.length) : frames.length;
    request.stream.framesTotal = frames.length;
    for (let i = 0; i < breakAt; i++) {
      if (spec.eventDelayMs) await delay(spec.eventDelayMs);
      if (res.destroyed) return;
      const flushed = res.write(frames[i]);
      request.stream.framesWritten = i + 1;
      if (!flushed) await drainOrClose(res);
    }
    const streamBreak = spec.streamBreak;
    if (!streamBreak) {
      res.end();
      return;
    }
    if (streamBreak.how === 'stall') return;
    if (streamBreak.how === 'cut') {
      // Let the frames already written leave before the connection dies, so the cut is truly mid-stream.
      await delay(20);
      res.socket?.destroy();
      return;
    }
    for (const frame of this.dialect.renderStreamError(streamBreak.errorType, streamBreak.errorMessage)) {
      res.write(frame);
    }
    res.end();
  }

  private async rawStream(
    res: ServerResponse,
    headers: Record<string, string>,
    chunks: string[],
    then: 'end' | 'cut',
  ): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', ...headers });
    for (const chunk of chunks) res.write(chunk);
    if (then === 'end') {
      res.end();
      return;
    }
    await delay(20);
    res.socket?.destroy();
  }

  private checkAuth(request: RecordedRequest): unknown {
    const key = this.options.apiKey;
    if (!key) return undefined;
    const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (request.headers['x-api-key'] === key || bearer === key) return undefined;
    return this.dialect.errorBody(401, undefined, undefined);
  }

  private reject(request: RecordedRequest, res: ServerResponse, status: number, body: unknown): void {
    request.rejection = { status, body };
    this.send(res, status, this.dialect.responseHeaders(), JSON.stringify(body));
  }

  private send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  }

  private async record(req: IncomingMessage, res: ServerResponse): Promise<RecordedRequest | undefined> {
    const request = await readRequest(req, res);
    if (request === undefined) return undefined;
    this.requests.push(request);
    for (const waiter of [...this.waiters]) {
      if (this.requests.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    return request;
  }
}
