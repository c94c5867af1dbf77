import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { LoopbackUpstream, openAiChunk } from './support/loopback-upstream';

/** Shutdown lets an in-flight stream finish (within SHUTDOWN_GRACE_MS) before the upstream pools close. */
describe('gateway shutdown with a stream in flight', () => {
  let sb: RunningSwitchboard | undefined;
  let upstream: LoopbackUpstream;

  beforeAll(async () => {
    upstream = await new LoopbackUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let sent = 0;
      const timer = setInterval(() => {
        sent++;
        if (sent < 6) {
          res.write(openAiChunk(`part${sent} `));
          return;
        }
        clearInterval(timer);
        res.end(`${openAiChunk(null, 'stop')}data: [DONE]\n\n`);
      }, 60);
    }).start();
    sb = await startSwitchboard({ env: { SHUTDOWN_GRACE_MS: '3000' } });
  });
  afterAll(async () => {
    await sb?.close();
    await upstream.close();
  });

  it('finishes the stream', async () => {
    const created = await fetch(`${sb!.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb!.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'shutdown-route',
        models: ['shutdown-model'],
        instances: [
          {
            name: 'slow',
            provider: 'openai-compatible',
            auth: { header: { authorization: 'Bearer k' } },
            override: { endpoint: upstream.url },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const response = await fetch(`${sb!.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'shutdown-model',
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read();
    const closing = sb!.close();
    let text = '';
    const decoder = new TextDecoder();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    await closing;
    expect(text).toContain('part5');
    expect(text).toContain('data: [DONE]');
    expect(text).not.toContain('"error"');
  });
});
