import { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { Stream as AnthropicStream } from '@anthropic-ai/sdk/streaming';
import { encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import { from } from 'rxjs';
import * as path from 'node:path';
import { fixedClock } from '../testing/fixed-clock';
import { parseWithOpenAiSdk } from '../testing/openai-sdk-stream';
import { readSseFixture, runStream } from '../testing/stream-run';
import { anthropicIdentityConverter, openAiIdentityConverter } from './identity.converter';

/** Passthrough streams as the official SDKs see them, complete and cut. */

const FIXTURES = path.join(__dirname, '..', 'openai-to-anthropic', '__fixtures__');

const sseResponse = (events: SseEvent[]) =>
  new Response(events.map(encodeSseEvent).join(''), { headers: { 'content-type': 'text/event-stream' } });

describe('identity streams through the official SDKs', () => {
  it('Anthropic: a complete stream accumulates with MessageStream; a cut one makes the SDK throw', async () => {
    const events = await readSseFixture(path.join(FIXTURES, 'thinking-text-tool.upstream.sse'));
    const whole = await runStream(from(events), (hooks) =>
      anthropicIdentityConverter.convertStream({}, fixedClock(), hooks),
    );
    const stream = AnthropicStream.fromSSEResponse<RawMessageStreamEvent>(
      sseResponse(whole.events),
      new AbortController(),
    );
    const message = await MessageStream.fromReadableStream(stream.toReadableStream()).finalMessage();
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(message.usage).toMatchObject({
      input_tokens: 12,
      output_tokens: 57,
      cache_read_input_tokens: 2048,
    });

    const cut = await runStream(from(events.slice(0, 8)), (hooks) =>
      anthropicIdentityConverter.convertStream({}, fixedClock(), hooks),
    );
    const cutStream = AnthropicStream.fromSSEResponse<RawMessageStreamEvent>(
      sseResponse(cut.events),
      new AbortController(),
    );
    await expect(
      MessageStream.fromReadableStream(cutStream.toReadableStream()).finalMessage(),
    ).rejects.toThrow();
  });

  it('OpenAI: a cut stream makes the openai SDK throw instead of ending cleanly', async () => {
    const chunk = (delta: object, finish: string | null = null) => ({
      data: JSON.stringify({
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta, finish_reason: finish }],
      }),
    });
    const cut = await runStream(
      from([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hel' })]),
      (hooks) => openAiIdentityConverter.convertStream({}, fixedClock(), hooks),
    );
    const parsed = await parseWithOpenAiSdk(cut.events.map(encodeSseEvent).join(''));
    expect(parsed.chunks).toHaveLength(2);
    expect(parsed.error).toBeDefined();
  });
});
