import type { Readable } from 'node:stream';
import { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header';
import type { UpstreamAbort } from './upstream-abort';

export interface UpstreamRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal | UpstreamAbort;
  /** Connect timeout and the longest gap between reads, ms. */
  timeout: number;
  /** Time allowed until the response headers, ms. */
  headersTimeout: number;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable;
}

/** undici pools with keep-alive connections, one per upstream origin (and connect timeout). */
export class UpstreamClient {
  private readonly pools = new Map<string, Pool>();

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const response = await this.pool(request.origin, request.timeout).request({
      method: 'POST',
      path: request.path,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeout: request.headersTimeout,
      bodyTimeout: request.timeout,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.destroy()));
  }

  private pool(origin: string, connectTimeout: number): Pool {
    const key = `${connectTimeout} ${origin}`;
    let pool = this.pools.get(key);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connect: { timeout: connectTimeout, noDelay: true },
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
      });
      this.pools.set(key, pool);
    }
    return pool;
  }
}
