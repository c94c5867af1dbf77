import { waitFor } from '../data-plane/support/wait-for';
import { gatewayPerTest } from './support/gateway-harness';
import { loopbackUpstreams, openAiChunk, sendJson } from './support/loopback-upstream';
import { routeFixture } from './support/route-fixture';
import { chatStream } from './support/stream-request';

describe('data plane streaming: first-byte, idle and total timeouts, cuts (loopback upstreams)', () => {
  const upstream = loopbackUpstreams();
  const startGateway = gatewayPerTest();

  it('abandons an instance that stalls before its first byte and answers from the next', async () => {
    const stalled = await upstream(() => undefined);
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${openAiChunk('fast', 'stop')}data: [DONE]\n\n`);
    });
    const gateway = await startGateway([
      routeFixture({
        first_byte_timeout: 200,
        instances: [
          { name: 'stalled', priority: 2, override: { endpoint: stalled.url } },
          { name: 'ok', priority: 1, override: { endpoint: ok.url } },
        ],
      }),
    ]);
    const response = await chatStream(gateway);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('ok');
    await expect(response.text()).resolves.toContain('"fast"');
    await waitFor('stalled.aborted.length === 1', () => stalled.aborted.length === 1);
    expect((await gateway.recordsAtLeast(1))[0].attempts[0]).toMatchObject({
      instance: 'stalled',
      outcome: 'timeout',
    });
  });

  it('treats headers followed by silence as a first-byte timeout too', async () => {
    const silent = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
    });
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${openAiChunk('next', 'stop')}data: [DONE]\n\n`);
    });
    const gateway = await startGateway([
      routeFixture({
        first_byte_timeout: 200,
        instances: [
          { name: 'silent', priority: 2, override: { endpoint: silent.url } },
          { name: 'ok', priority: 1, override: { endpoint: ok.url } },
        ],
      }),
    ]);
    const response = await chatStream(gateway);
    expect(response.headers.get('x-switchboard-instance')).toBe('ok');
    await expect(response.text()).resolves.toContain('"next"');
  });

  it('ends a stream that goes idle mid-way with the in-stream error, never a clean finish', async () => {
    const idle = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openAiChunk('partial'));
    });
    const gateway = await startGateway([
      routeFixture({ timeout: 300, instances: [{ name: 'idle', override: { endpoint: idle.url } }] }),
    ]);
    const response = await chatStream(gateway);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"partial"');
    expect(text).toMatch(/data: \{"error":\{"message":"[^"]*timeout/);
    expect(text).not.toContain('"finish_reason":"stop"');
    expect((await gateway.recordsAtLeast(1))[0].attempts[0].outcome).toBe('stream_error');
  });

  it('ends a stream cut by a reset with the in-stream error', async () => {
    const cut = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openAiChunk('half'));
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const gateway = await startGateway([
      routeFixture({ instances: [{ name: 'cut', override: { endpoint: cut.url } }] }),
    ]);
    const response = await chatStream(gateway);
    const text = await response.text();
    expect(text).toContain('"half"');
    expect(text).toContain('data: {"error":');
  });

  it('answers 504 when the total timeout passes before the first byte, without trying further', async () => {
    const slow = await upstream(() => undefined);
    const never = await upstream((_req, res) => sendJson(res, 200, {}));
    const gateway = await startGateway([
      routeFixture({
        total_timeout: 250,
        instances: [
          { name: 'slow', priority: 2, override: { endpoint: slow.url } },
          { name: 'never', priority: 1, override: { endpoint: never.url } },
        ],
      }),
    ]);
    const response = await chatStream(gateway);
    expect(response.status).toBe(504);
    await expect(response.json()).resolves.toMatchObject({ error: { type: 'timeout_error' } });
    expect(never.received).toHaveLength(0);
  });

  it('ends with the in-stream error when the total timeout passes mid-stream', async () => {
    const trickle = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => res.write(openAiChunk('.')), 50);
      res.on('close', () => clearInterval(timer));
    });
    const gateway = await startGateway([
      routeFixture({ total_timeout: 300, instances: [{ name: 't', override: { endpoint: trickle.url } }] }),
    ]);
    const response = await chatStream(gateway);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('data: {"error":');
    await waitFor('trickle.aborted.length === 1', () => trickle.aborted.length === 1);
  });
});
