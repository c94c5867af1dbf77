import { request as httpRequest } from 'node:http';
import { waitFor } from '../data-plane/support/wait-for';
import { gatewayPerTest } from './support/gateway-harness';
import { loopbackUpstreams, openAiChunk } from './support/loopback-upstream';
import { routeFixture } from './support/route-fixture';
import { streamBody } from './support/stream-request';

describe('data plane streaming: client disconnects and backpressure (loopback upstreams)', () => {
  const upstream = loopbackUpstreams();
  const startGateway = gatewayPerTest();

  it('aborts the upstream request within a second of the client disconnecting', async () => {
    const endless = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => res.write(openAiChunk('tick')), 20);
      res.on('close', () => clearInterval(timer));
    });
    const gateway = await startGateway([
      routeFixture({ instances: [{ name: 'e', override: { endpoint: endless.url } }] }),
    ]);
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamBody,
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const abortedAt = Date.now();
    await waitFor('endless.aborted.length === 1', () => endless.aborted.length === 1, 1000);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect((await gateway.recordsAtLeast(1))[0].status).toBe(499);
  });

  it('aborts a non-stream upstream request when the client goes away while waiting', async () => {
    const slow = await upstream(() => undefined);
    const gateway = await startGateway([
      routeFixture({ instances: [{ name: 's', override: { endpoint: slow.url } }] }),
    ]);
    const req = httpRequest(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    req.on('error', () => undefined);
    req.end(JSON.stringify({ model: 'test-model', messages: [] }));
    await waitFor('slow.received.length === 1', () => slow.received.length === 1);
    req.destroy();
    await waitFor('slow.aborted.length === 1', () => slow.aborted.length === 1, 1000);
  });

  it('pauses the upstream read while the client does not consume (backpressure)', async () => {
    const chunk = openAiChunk('x'.repeat(16 * 1024));
    let written = 0;
    let finished = false;
    const producer = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const pump = () => {
        while (written < 2000) {
          written++;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        finished = true;
        res.end('data: [DONE]\n\n');
      };
      pump();
    });
    const gateway = await startGateway([
      routeFixture({ instances: [{ name: 'p', override: { endpoint: producer.url } }] }),
    ]);
    const slowClient = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        `${gateway.url}/v1/chat/completions`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        resolve,
      );
      req.on('error', reject);
      req.end(streamBody);
    });
    slowClient.pause();
    // An observation window, not a wait for a condition: nothing must happen in it. Without backpressure the
    // gateway drains the ~32 MB offered into its own memory well within it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // ~32 MB offered; without backpressure the gateway would have drained it all into its own memory by now.
    expect(finished).toBe(false);
    expect(written).toBeLessThan(600);
    let received = 0;
    slowClient.on('data', (data: Buffer) => (received += data.length));
    slowClient.resume();
    await new Promise((resolve) => slowClient.on('end', resolve));
    expect(finished).toBe(true);
    expect(received).toBeGreaterThan(2000 * 16 * 1024);
  });
});
