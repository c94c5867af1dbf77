import { request, type Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ProbeResponse } from '../validate/response-validators';
import type { HttpTarget } from './http-target';

export interface TimedResponse {
  response: ProbeResponse;
  /** Request start to the response's last byte, ms. */
  totalMs: number;
  /** Request start to the first body byte (for a stream: the first event), ms. */
  ttfbMs: number;
}

/** One POST over the given keep-alive agent, timed to the first body byte and to the end. */
export function timedRequest(agent: Agent, target: HttpTarget): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByte = 0;
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.path,
        method: 'POST',
        agent,
        headers: { ...target.headers, 'content-length': Buffer.byteLength(target.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (firstByte === 0) firstByte = performance.now();
          chunks.push(chunk);
        });
        res.on('end', () => {
          const ended = performance.now();
          resolve({
            response: {
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            },
            totalMs: ended - started,
            ttfbMs: (firstByte || ended) - started,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('probe request timed out after 30 s')));
    req.end(target.body);
  });
}
