import { APIError } from '@anthropic-ai/sdk';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import fc from 'fast-check';
import { concat, from, type Observable, throwError } from 'rxjs';
import { decodeSse, encodeSse } from '@switchboard/protocols';
import type { TokenUsage } from '../converter.interface';
import { anthropicToOpenAiConverter } from './index';
import { fixedClock } from '../testing/fixed-clock';
import { fixtureBytes, fixtureText, runStream, sdkFinalMessage, splitAt } from './testing/stream-harness';

const COMPLETE = [
  'text',
  'multi-tool',
  'reasoning-text-tool',
  'usage-after-finish',
  'done-without-finish',
  'interleaved-tools',
  'signed-thinking',
  // Azure OpenAI with content filtering: a first chunk with only prompt_filter_results and `model: ""`.
  'azure-content-filter',
  // Mistral/Magistral: delta.content as arrays of `thinking` and `text` parts.
  'mistral-thinking',
];
const FAILING: [string, GatewayErrorCode, string][] = [
  ['error-mid-stream', GatewayErrorCode.UPSTREAM_ERROR, 'api_error'],
  ['cut', GatewayErrorCode.UPSTREAM_STREAM_CUT, 'api_error'],
];

describe('anthropic-to-openai stream fixtures (recorded OpenAI streams → Anthropic SSE)', () => {
  describe.each(COMPLETE)('%s', (name) => {
    it('converts to the expected Anthropic events', async () => {
      const run = await runStream([fixtureBytes(`${name}.upstream.sse`)]);
      expect(run.error).toBeUndefined();
      expect(run.text).toBe(fixtureText(`${name}.client.sse`));
    });

    it('is accumulated by the Anthropic SDK MessageStream into the expected message', async () => {
      const run = await runStream([fixtureBytes(`${name}.upstream.sse`)]);
      await expect(sdkFinalMessage(run.text)).resolves.toEqual(
        JSON.parse(fixtureText(`${name}.client-message.json`)),
      );
    });
  });

  describe.each(FAILING)('%s', (name, code, anthropicType) => {
    it('tells the client with an Anthropic error event, then fails with a GatewayError', async () => {
      const run = await runStream([fixtureBytes(`${name}.upstream.sse`)]);
      expect(run.text).toBe(fixtureText(`${name}.client.sse`));
      expect(run.error).toBeInstanceOf(GatewayError);
      expect((run.error as GatewayError).code).toBe(code);
      expect(run.text).toContain(`event: error\ndata: {"type":"error","error":{"type":"${anthropicType}"`);
      expect(run.text).not.toContain('message_stop');
    });

    it('makes the Anthropic SDK raise instead of returning a clean message', async () => {
      const run = await runStream([fixtureBytes(`${name}.upstream.sse`)]);
      await expect(sdkFinalMessage(run.text)).rejects.toBeInstanceOf(APIError);
    });
  });

  it.each([
    ['azure-content-filter', 'gpt-4o-2024-11-20'],
    ['mistral-thinking', 'magistral-medium-2509'],
    ['text', 'gpt-5-2025-08-07'],
  ])('%s: reports the upstream model once through onModel', async (name, model) => {
    const models: string[] = [];
    const run = await runStream(
      [fixtureBytes(`${name}.upstream.sse`)],
      {},
      {
        onModel: (m) => models.push(m),
      },
    );
    expect(run.error).toBeUndefined();
    expect(models).toEqual([model]);
    expect(run.text).toContain(`"model":"${model}"`);
  });

  it('converts the same whatever the byte boundaries (property)', async () => {
    const names = [...COMPLETE, ...FAILING.map(([n]) => n)];
    const whole = new Map<string, { text: string; code?: GatewayErrorCode }>();
    for (const name of names) {
      const run = await runStream([fixtureBytes(`${name}.upstream.sse`)]);
      whole.set(name, { text: run.text, code: (run.error as GatewayError | undefined)?.code });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(fc.nat({ max: 4000 }), { maxLength: 40 }),
        async (name, cuts) => {
          const bytes = fixtureBytes(`${name}.upstream.sse`);
          const run = await runStream(
            splitAt(
              bytes,
              cuts.map((c) => c % bytes.length),
            ),
          );
          const expected = whole.get(name);
          expect(run.text).toBe(expected?.text);
          expect((run.error as GatewayError | undefined)?.code).toBe(expected?.code);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('calls onFirstToken once and onUsage with the final usage', async () => {
    const usages: TokenUsage[] = [];
    let firstTokens = 0;
    await runStream(
      [fixtureBytes('multi-tool.upstream.sse')],
      {},
      {
        onFirstToken: () => firstTokens++,
        onUsage: (u) => usages.push(u),
      },
    );
    expect(firstTokens).toBe(1);
    expect(usages).toEqual([
      {
        input_tokens: 300,
        output_tokens: 40,
        cache_read_input_tokens: 512,
        cache_creation_input_tokens: 0,
        reasoning_tokens: 0,
      },
    ]);
  });

  it('restores shortened tool names from the memo', async () => {
    const long = `mcp__server__${'x'.repeat(70)}`;
    const short = 'get_weather';
    const run = await runStream([fixtureBytes('multi-tool.upstream.sse')], {
      requestedModel: 'claude',
      stopSequences: [],
      toolNames: { [short]: long },
      contentFilterStopReason: 'refusal',
    });
    const message = await sdkFinalMessage(run.text);
    expect(
      message.content.filter((b) => b.type === 'tool_use').map((b) => (b as { name: string }).name),
    ).toEqual([long, long]);
  });

  describe('source errors', () => {
    const convert = (source: Observable<Uint8Array>) =>
      new Promise<{ text: string; error: unknown }>((resolve) => {
        let text = '';
        source
          .pipe(decodeSse(), anthropicToOpenAiConverter.convertStream({}, fixedClock()), encodeSse())
          .subscribe({
            next: (f) => (text += f),
            error: (error: unknown) => resolve({ text, error }),
            complete: () => resolve({ text, error: undefined }),
          });
      });
    const head = fixtureBytes('cut.upstream.sse');

    it('a network reset becomes an Anthropic api_error event, then a GatewayError', async () => {
      const { text, error } = await convert(
        concat(
          from([head]),
          throwError(() => new Error('ECONNRESET')),
        ),
      );
      expect(text).toContain('"text":"I was saying"');
      expect(text).toMatch(
        /event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"[^"]*ECONNRESET/,
      );
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe(GatewayErrorCode.UPSTREAM_STREAM_CUT);
    });

    it('a timeout GatewayError becomes a timeout_error event and is rethrown as is', async () => {
      const timeout = new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, 'idle timeout');
      const { text, error } = await convert(
        concat(
          from([head]),
          throwError(() => timeout),
        ),
      );
      expect(text).toContain(
        'event: error\ndata: {"type":"error","error":{"type":"timeout_error","message":"idle timeout"}}',
      );
      expect(error).toBe(timeout);
    });

    it('an error after a complete message only completes the stream', async () => {
      const { text, error } = await convert(
        concat(
          from([fixtureBytes('text.upstream.sse')]),
          throwError(() => new Error('late reset')),
        ),
      );
      expect(error).toBeUndefined();
      expect(text).toBe(fixtureText('text.client.sse'));
    });
  });
});
