import { request as httpRequest } from 'node:http';
import { waitFor } from '../data-plane/support/wait-for';
import { startGatewayHarness, type GatewayHarness } from './support/gateway-harness';
import { loopbackUpstreams, openAiChunk, sendJson } from './support/loopback-upstream';
import { routeFixture } from './support/route-fixture';

const streamBody = JSON.stringify({
  model: 'test-model',
  stream: true,
  messages: [{ role: 'user', content: 'hi' }],
});

const chatStream = (gateway: GatewayHarness) =>
  fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: streamBody,
  });

describe('data plane streaming (loopback upstreams)', () => {
  const upstream = loopbackUpstreams();
  let gateway: GatewayHarness | undefined;

  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('relays a passthrough stream event by event and ends with [DONE]', async () => {
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openAiChunk('Hel'));
      res.write(openAiChunk('lo'));
      res.write(openAiChunk(null, 'stop'));
      res.end('data: [DONE]\n\n');
    });
    gateway = await startGatewayHarness([
      routeFixture({ instances: [{ name: 'a', override: { endpoint: ok.url } }] }),
    ]);
    const response = await chatStream(gateway);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-switchboard-instance')).toBe('a');
    const text = await response.text();
    expect(text).toContain('"Hel"');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
    expect(ok.received[0].headers.accept).toBe('text/event-stream');
  });

  it('reuses the keep-alive upstream connection after a stream ends with its marker', async () => {
    let ended = 0;
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openAiChunk('a', 'stop'));
      res.write('data: [DONE]\n\n');
      // The body ends a little after its end marker: the gateway must drain it, not drop the connection.
      res.on('finish', () => (ended += 1));
      setTimeout(() => res.end(), 20);
    });
    gateway = await startGatewayHarness([
      routeFixture({ instances: [{ name: 'a', override: { endpoint: ok.url } }] }),
    ]);
    for (let i = 0; i < 3; i++) {
      const response = await chatStream(gateway);
      await expect(response.text()).resolves.toContain('[DONE]');
      await waitFor('ended === i + 1', () => ended === i + 1);
    }
    expect(ok.received).toHaveLength(3);
    expect(ok.connections).toBe(1);
  });

  it('falls back when an upstream reports an error in-stream before any content', async () => {
    const overloaded = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
      );
    });
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        [
          'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"c","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}\n\n',
          'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
          'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"fine"}}\n\n',
          'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
          'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":2}}\n\n',
          'event: message_stop\ndata: {"type":"message_stop"}\n\n',
        ].join(''),
      );
    });
    const anthropicInstance = (name: string, url: string, priority: number) => ({
      name,
      priority,
      provider: 'anthropic-compatible' as const,
      protocol: 'anthropic-messages' as const,
      auth: { header: { 'x-api-key': 'k' }, query: {} },
      override: { endpoint: url },
    });
    gateway = await startGatewayHarness([
      routeFixture({
        instances: [anthropicInstance('busy', overloaded.url, 2), anthropicInstance('ok', ok.url, 1)],
      }),
    ]);
    const response = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'test-model',
        max_tokens: 5,
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('ok');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    const text = await response.text();
    expect(text).toContain('"fine"');
    expect(text).not.toContain('overloaded_error');
    expect((await gateway.recordsAtLeast(1))[0].attempts[0]).toMatchObject({
      instance: 'busy',
      outcome: 'http_5xx',
      status: 529,
    });

    // Alone, the same instance's error comes back as its status before any stream started.
    await gateway.setRoutes([routeFixture({ instances: [anthropicInstance('busy', overloaded.url, 1)] })]);
    const alone = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'test-model',
        max_tokens: 5,
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(alone.status).toBe(529);
    await expect(alone.json()).resolves.toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
  });

  it('abandons an instance that stalls before its first byte and answers from the next', async () => {
    const stalled = await upstream(() => undefined);
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${openAiChunk('fast', 'stop')}data: [DONE]\n\n`);
    });
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
      routeFixture({ total_timeout: 300, instances: [{ name: 't', override: { endpoint: trickle.url } }] }),
    ]);
    const response = await chatStream(gateway);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('data: {"error":');
    await waitFor('trickle.aborted.length === 1', () => trickle.aborted.length === 1);
  });

  it('aborts the upstream request within a second of the client disconnecting', async () => {
    const endless = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => res.write(openAiChunk('tick')), 20);
      res.on('close', () => clearInterval(timer));
    });
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
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
    gateway = await startGatewayHarness([
      routeFixture({ instances: [{ name: 'p', override: { endpoint: producer.url } }] }),
    ]);
    const slowClient = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        `${gateway!.url}/v1/chat/completions`,
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
