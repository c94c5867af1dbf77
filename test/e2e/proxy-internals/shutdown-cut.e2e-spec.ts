import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import { RequestRecordBus } from '@switchboard/proxy';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { collectRecords } from '../data-plane/support/record-collector';
import { LoopbackUpstream, openAiChunk } from './support/loopback-upstream';

/**
 * A stream still running when SHUTDOWN_GRACE_MS ends is not reset under the client: it gets its protocol's
 * in-stream error (which the SDKs raise), the record says SHUTTING_DOWN, and the instance is not blamed.
 */
describe('shutdown with a stream longer than the grace period', () => {
  let upstream: LoopbackUpstream;

  beforeAll(async () => {
    // An endless stream: a chunk every 50 ms until the gateway hangs up.
    upstream = await new LoopbackUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => res.write(openAiChunk('tick ')), 50);
      res.on('close', () => clearInterval(timer));
    }).start();
  });
  afterAll(() => upstream.close());

  async function gatewayWithRoute(): Promise<RunningSwitchboard> {
    const sb = await startSwitchboard({ env: { SHUTDOWN_GRACE_MS: '300' } });
    const created = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'endless',
        models: ['endless-model'],
        instances: [
          {
            name: 'endless-upstream',
            provider: 'openai-compatible',
            auth: { header: { authorization: 'Bearer k' } },
            override: { endpoint: upstream.url },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    return sb;
  }

  it('tells an OpenAI client in-stream (the SDK raises it) and records SHUTTING_DOWN', async () => {
    const sb = await gatewayWithRoute();
    const records = collectRecords(sb.gatewayApp.get(RequestRecordBus));
    const health = sb.gatewayApp.get(InstanceHealthRegistry);
    try {
      const client = new OpenAI({ baseURL: `${sb.gatewayUrl}/v1`, apiKey: 'unused', maxRetries: 0 });
      const stream = await client.chat.completions.create({
        model: 'endless-model',
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      });
      let text = '';
      let closing: Promise<void> | undefined;
      const read = (async () => {
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta?.content ?? '';
          closing ??= sb.close();
        }
      })();
      await expect(read).rejects.toThrow(/shutting down/);
      await closing;
      expect(text).toContain('tick');
      const [record] = await records.atLeast(1);
      expect(record.status).toBe(200);
      expect(record.error?.code).toBe('SHUTTING_DOWN');
      expect(record.attempts[0].outcome).toBe('stream_error');
      // The gateway cut it, not the instance: no failure on its breaker.
      expect(health.report(record.route_id!, ['endless-upstream'])[0].consecutive_failures).toBe(0);
    } finally {
      records.stop();
      await sb.close();
    }
  });

  it('tells an Anthropic client (converted stream) with an error event the SDK raises', async () => {
    const sb = await gatewayWithRoute();
    try {
      const client = new Anthropic({ baseURL: sb.gatewayUrl, apiKey: 'unused', maxRetries: 0 });
      const stream = client.messages.stream({
        model: 'endless-model',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'hi' }],
      });
      let text = '';
      let closing: Promise<void> | undefined;
      stream.on('text', (delta) => {
        text += delta;
        closing ??= sb.close();
      });
      await expect(stream.finalMessage()).rejects.toThrow(/shutting down/);
      await closing;
      expect(text).toContain('tick');
    } finally {
      await sb.close();
    }
  });
});
