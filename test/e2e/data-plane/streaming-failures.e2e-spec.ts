import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { reply } from '../../support/mock-upstreams';
import { claudePairSuite } from './support/claude-pair-suite';
import { parseSse } from './support/normalize';

const LONG_TEXT = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
/** Generous bound for "within a second" on a loaded two-core machine. */
const ABORT_BOUND_MS = 2_500;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)),
    ),
  ]);
}

/** Streams that break, stall or are abandoned (issue 4, "Streaming"). */
describe('streaming failures', () => {
  const suite = claudePairSuite('stream');

  const drainOpenAi = async (stream: AsyncIterable<OpenAI.ChatCompletionChunk>) => {
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return chunks;
  };

  describe('client abort reaches the upstream', () => {
    it('mid-stream (OpenAI client, Anthropic upstream)', async () => {
      const model = await suite.claudeRoute();
      suite.claude.enqueue(reply.turn({ text: LONG_TEXT }, { eventDelayMs: 100 }));
      const stream = await suite.sb.openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'Tell me a long story' }],
      });
      let received = 0;
      const reading = (async () => {
        for await (const _chunk of stream) {
          received += 1;
          if (received === 3) stream.controller.abort();
        }
      })();
      // The SDK ends the iteration quietly (or with an abort error) once its controller is aborted.
      await reading.catch(() => undefined);
      expect(received).toBeGreaterThanOrEqual(3);
      await within(suite.claude.requests[0].aborted, ABORT_BOUND_MS, 'upstream abort');
      expect(suite.claudeBackup.requests).toHaveLength(0);
    });

    it('before the first byte (Anthropic client, OpenAI upstream)', async () => {
      const model = await suite.gptRoute({ first_byte_timeout: 30_000 });
      suite.gpt.enqueue(reply.hang());
      const controller = new AbortController();
      const pending = suite.sb.anthropic.messages.create(
        { model, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] },
        { signal: controller.signal },
      );
      await suite.gpt.waitForRequests(1);
      controller.abort();
      await expect(pending).rejects.toThrow();
      await within(suite.gpt.requests[0].aborted, ABORT_BOUND_MS, 'upstream abort');
    });
  });

  describe('a stream cut mid-way ends with an in-stream error, never a normal finish', () => {
    it('Anthropic upstream cut → OpenAI client: the SDK iteration throws, no fallback', async () => {
      const model = await suite.claudeRoute();
      suite.claude.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 6, how: 'cut' } }));
      const stream = await suite.sb.openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'story' }],
      });
      await expect(drainOpenAi(stream)).rejects.toBeInstanceOf(OpenAI.APIError);
      expect(suite.claudeBackup.requests).toHaveLength(0);

      suite.claude.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 6, how: 'cut' } }));
      const raw = await suite.sb.post('/v1/chat/completions', {
        model,
        stream: true,
        messages: [{ role: 'user', content: 'story' }],
      });
      expect(raw.status).toBe(200);
      const frames = parseSse(await raw.text()).filter((frame) => frame.data !== '[DONE]');
      const last = JSON.parse(frames.at(-1)!.data) as { error?: { message: string; type: string } };
      expect(last.error).toEqual(
        expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
      );
      const finished = frames
        .slice(0, -1)
        .map((frame) => JSON.parse(frame.data) as OpenAI.ChatCompletionChunk)
        .some((chunk) => chunk.choices?.some((choice) => choice.finish_reason));
      expect(finished).toBe(false);
    });

    it('OpenAI upstream cut → Anthropic client: MessageStream rejects, no message_stop', async () => {
      const model = await suite.gptRoute();
      suite.gpt.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 5, how: 'cut' } }));
      await expect(
        suite.sb.anthropic.messages
          .stream({ model, max_tokens: 500, messages: [{ role: 'user', content: 'story' }] })
          .finalMessage(),
      ).rejects.toBeInstanceOf(Anthropic.APIError);

      suite.gpt.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 5, how: 'cut' } }));
      const raw = await suite.sb.post(
        '/v1/messages',
        { model, max_tokens: 500, stream: true, messages: [{ role: 'user', content: 'story' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      const frames = parseSse(await raw.text());
      expect(frames.at(-1)?.event).toBe('error');
      expect(JSON.parse(frames.at(-1)!.data)).toMatchObject({
        type: 'error',
        error: { type: expect.any(String), message: expect.any(String) },
      });
      expect(frames.map((frame) => frame.event)).not.toContain('message_stop');
    });

    it('OpenAI passthrough cut before [DONE] → the SDK iteration throws', async () => {
      const model = await suite.gptRoute();
      suite.gpt.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 5, how: 'cut' } }));
      const stream = await suite.sb.openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'story' }],
      });
      await expect(drainOpenAi(stream)).rejects.toBeInstanceOf(OpenAI.APIError);
    });

    it('Anthropic passthrough cut → MessageStream rejects', async () => {
      const model = await suite.claudeRoute();
      suite.claude.enqueue(reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 5, how: 'cut' } }));
      await expect(
        suite.sb.anthropic.messages
          .stream({ model, max_tokens: 500, messages: [{ role: 'user', content: 'story' }] })
          .finalMessage(),
      ).rejects.toBeInstanceOf(Anthropic.APIError);
      expect(suite.claudeBackup.requests).toHaveLength(0);
    });
  });

  describe('upstream in-stream error events', () => {
    it('Anthropic `event: error` → OpenAI error frame the SDK raises', async () => {
      const model = await suite.claudeRoute();
      suite.claude.enqueue(
        reply.turn(
          { text: LONG_TEXT },
          {
            streamBreak: {
              afterEvents: 5,
              how: 'error',
              errorType: 'overloaded_error',
              errorMessage: 'Overloaded',
            },
          },
        ),
      );
      const stream = await suite.sb.openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'story' }],
      });
      await expect(drainOpenAi(stream)).rejects.toThrow(/Overloaded/);
    });

    it('OpenAI `{"error":…}` frame → Anthropic error event the SDK raises', async () => {
      const model = await suite.gptRoute();
      suite.gpt.enqueue(
        reply.turn(
          { text: LONG_TEXT },
          { streamBreak: { afterEvents: 4, how: 'error', errorMessage: 'upstream exploded' } },
        ),
      );
      await expect(
        suite.sb.anthropic.messages
          .stream({ model, max_tokens: 500, messages: [{ role: 'user', content: 'story' }] })
          .finalMessage(),
      ).rejects.toThrow(/upstream exploded/);
    });
  });

  describe('timeouts after the first byte', () => {
    it('a stall longer than `timeout` between events ends with an in-stream error', async () => {
      const model = await suite.claudeRoute({ timeout: 500 });
      suite.claude.enqueue(
        reply.turn({ text: LONG_TEXT }, { streamBreak: { afterEvents: 4, how: 'stall' } }),
      );
      const stream = await suite.sb.openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'story' }],
      });
      await expect(drainOpenAi(stream)).rejects.toBeInstanceOf(OpenAI.APIError);
      await within(suite.claude.requests[0].aborted, ABORT_BOUND_MS, 'stalled upstream released');
      expect(suite.claudeBackup.requests).toHaveLength(0);
    });

    it('total_timeout: 504 before the first byte, an in-stream error after it', async () => {
      const model = await suite.gptRoute({ total_timeout: 800, first_byte_timeout: 30_000, timeout: 30_000 });
      suite.gpt.enqueue(reply.hang());
      const before = await suite.sb.post('/v1/chat/completions', {
        model,
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(before.status).toBe(504);
      await expect(before.json()).resolves.toMatchObject({ error: { message: expect.any(String) } });

      suite.gpt.enqueue(reply.turn({ text: LONG_TEXT }, { eventDelayMs: 150 }));
      const stream = await suite.sb.openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'story' }],
      });
      await expect(drainOpenAi(stream)).rejects.toBeInstanceOf(OpenAI.APIError);
    });
  });
});
