import fc from 'fast-check';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { fixedClock } from '../testing/fixed-clock';
import { anthropicToOpenAiConverter as converter } from './index';

/**
 * Every converted request must satisfy the official OpenAI `CreateChatCompletionRequest` schema: strict mode
 * (no undeclared fields) toward api.openai.com / Azure OpenAI; the published schema toward providers that get
 * the `reasoning_content` extension on assistant history.
 */

const TOOL_NAMES = ['Bash', 'get_weather', `mcp__${'knowledge_base_server_'.repeat(3)}__search_documents`];
const nonBlank = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const userBlock = fc.oneof(
  nonBlank.map((text) => ({ type: 'text', text })),
  fc.constant({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }),
  fc.constant({ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }),
  fc.constant({
    type: 'document',
    source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' },
  }),
  fc.constant({ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' } }),
);
const exchange = fc.record({
  user: fc.array(userBlock, { minLength: 1, maxLength: 3 }),
  thinking: fc.option(nonBlank, { nil: undefined }),
  text: fc.option(nonBlank, { nil: undefined }),
  tools: fc.array(
    fc.record({
      name: fc.constantFrom(...TOOL_NAMES),
      input: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      result: fc.oneof(
        nonBlank,
        fc.array(
          nonBlank.map((text) => ({ type: 'text', text })),
          { maxLength: 2 },
        ),
        fc.constant([{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }]),
      ),
      isError: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

const validAnthropicRequest = fc
  .record({
    exchanges: fc.array(exchange, { minLength: 1, maxLength: 4 }),
    system: fc.option(
      fc.oneof(
        nonBlank,
        fc.array(
          nonBlank.map((text) => ({ type: 'text', text })),
          { maxLength: 2 },
        ),
      ),
      {
        nil: undefined,
      },
    ),
    stream: fc.boolean(),
    temperature: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    top_p: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    top_k: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    stop_sequences: fc.option(fc.array(nonBlank, { maxLength: 4 }), { nil: undefined }),
    thinking: fc.option(
      fc.oneof(
        fc.integer({ min: 1024, max: 64000 }).map((budget_tokens) => ({ type: 'enabled', budget_tokens })),
        fc.constant({ type: 'adaptive' }),
        fc.constant({ type: 'disabled' }),
      ),
      { nil: undefined },
    ),
    tool_choice: fc.option(
      fc.oneof(
        fc.constant({ type: 'auto', disable_parallel_tool_use: true }),
        fc.constant({ type: 'any' }),
        fc.constant({ type: 'none' }),
        fc.constant({ type: 'tool', name: 'Bash' }),
      ),
      { nil: undefined },
    ),
    user_id: fc.option(nonBlank, { nil: undefined }),
  })
  .map((r) => {
    const messages: Record<string, unknown>[] = [];
    let pendingResults: Record<string, unknown>[] = [];
    r.exchanges.forEach((ex, i) => {
      messages.push({ role: 'user', content: [...pendingResults, ...ex.user] });
      const ids = ex.tools.map((_, j) => `toolu_${i}_${j}`);
      const content = [
        ...(ex.thinking ? [{ type: 'thinking', thinking: ex.thinking, signature: 'sig' }] : []),
        ...(ex.text ? [{ type: 'text', text: ex.text }] : []),
        ...ex.tools.map((t, j) => ({ type: 'tool_use', id: ids[j], name: t.name, input: t.input })),
      ];
      messages.push({ role: 'assistant', content });
      pendingResults = ex.tools.map((t, j) => ({
        type: 'tool_result',
        tool_use_id: ids[j],
        content: t.result,
        is_error: t.isError,
      }));
    });
    if (pendingResults.length > 0) messages.push({ role: 'user', content: pendingResults });
    return {
      model: 'claude-sonnet-4-5',
      max_tokens: 2048,
      messages,
      tools: TOOL_NAMES.map((name) => ({
        name,
        description: `${name} tool`,
        input_schema: { type: 'object', properties: {} },
        cache_control: { type: 'ephemeral' },
      })),
      ...(r.system !== undefined ? { system: r.system } : {}),
      ...(r.stream ? { stream: true } : {}),
      ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
      ...(r.top_p !== undefined ? { top_p: r.top_p } : {}),
      ...(r.top_k !== undefined ? { top_k: r.top_k } : {}),
      ...(r.stop_sequences !== undefined ? { stop_sequences: r.stop_sequences } : {}),
      ...(r.thinking !== undefined ? { thinking: r.thinking } : {}),
      ...(r.tool_choice !== undefined ? { tool_choice: r.tool_choice } : {}),
      ...(r.user_id !== undefined ? { metadata: { user_id: r.user_id } } : {}),
    };
  });

describe('anthropic-to-openai requests satisfy the official OpenAI request schema', () => {
  it.each([
    ['openai', 'strict'],
    ['azure-openai', 'strict'],
    ['openai-compatible', 'official'],
    ['deepseek', 'official'],
  ] as const)('toward %s (%s schema), for generated valid Anthropic requests', (provider, mode) => {
    fc.assert(
      fc.property(validAnthropicRequest, (request) => {
        const { body } = converter.convertRequest(request, { provider }, fixedClock());
        expect(validateOpenAi('CreateChatCompletionRequest', body, mode)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the strict validator does catch an Anthropic field leaking into a message', () => {
    const { body } = converter.convertRequest(
      { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
      { provider: 'openai' },
      fixedClock(),
    );
    expect(validateOpenAi('CreateChatCompletionRequest', body)).toEqual([]);
    const leaked = {
      ...body,
      messages: [{ role: 'user', content: 'hi', cache_control: { type: 'ephemeral' } }],
    };
    expect(validateOpenAi('CreateChatCompletionRequest', leaked)).not.toEqual([]);
  });
});
