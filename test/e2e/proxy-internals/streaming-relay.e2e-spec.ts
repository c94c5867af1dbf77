import { waitFor } from '../data-plane/support/wait-for';
import { gatewayPerTest } from './support/gateway-harness';
import { loopbackUpstreams, openAiChunk } from './support/loopback-upstream';
import { routeFixture } from './support/route-fixture';
import { chatStream } from './support/stream-request';

describe('data plane streaming: relay and in-stream errors (loopback upstreams)', () => {
  const upstream = loopbackUpstreams();
  const startGateway = gatewayPerTest();

  it('relays a passthrough stream event by event and ends with [DONE]', async () => {
    const ok = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openAiChunk('Hel'));
      res.write(openAiChunk('lo'));
      res.write(openAiChunk(null, 'stop'));
      res.end('data: [DONE]\n\n');
    });
    const gateway = await startGateway([
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
    const gateway = await startGateway([
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
    const gateway = await startGateway([
      routeFixture({
        instances: [anthropicInstance('busy', overloaded.url, 2), anthropicInstance('ok', ok.url, 1)],
      }),
    ]);
    const response = await streamMessages(gateway.url);
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
    const alone = await streamMessages(gateway.url);
    expect(alone.status).toBe(529);
    await expect(alone.json()).resolves.toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
  });
});

/** A streamed Messages request for `test-model`, as the Anthropic SDK sends it. */
function streamMessages(gatewayUrl: string): Promise<Response> {
  return fetch(`${gatewayUrl}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({
      model: 'test-model',
      max_tokens: 5,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  });
}
