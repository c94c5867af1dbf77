import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { UpstreamTarget } from '../converter.interface';
import { readMemo } from './conversion-memo';
import { mapRequest } from './request.mapper';

const openai: UpstreamTarget = { provider: 'openai' };
const compatible: UpstreamTarget = { provider: 'openai-compatible' };
const deepseek: UpstreamTarget = { provider: 'deepseek' };

const base = { model: 'claude-sonnet-4-5', max_tokens: 1024 };
const convert = (body: Record<string, unknown>, target: UpstreamTarget = openai) =>
  mapRequest({ ...base, messages: [{ role: 'user', content: 'hi' }], ...body }, target);
const bodyOf = (body: Record<string, unknown>, target?: UpstreamTarget) => convert(body, target).body;

function rejection(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('anthropic-to-openai request mapper', () => {
  it('never modifies the client body', () => {
    const body = deepFreeze({
      ...base,
      system: [{ type: 'text', text: 'S' }],
      tools: [{ name: 'f', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: { x: 1 } }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't', content: 'r' },
            { type: 'text', text: 'b' },
          ],
        },
        { role: 'user', content: 'c' },
      ],
    });
    expect(() => mapRequest(body, openai)).not.toThrow();
  });

  it('converts the spec §5.5 Claude Code example', () => {
    const { body, memo } = mapRequest(
      {
        model: 'claude-sonnet-4-5',
        max_tokens: 32000,
        stream: true,
        system: [{ type: 'text', text: 'You are Claude Code.', cache_control: { type: 'ephemeral' } }],
        thinking: { type: 'enabled', budget_tokens: 8000 },
        tools: [
          {
            name: 'Bash',
            description: 'Run a command',
            input_schema: {
              type: 'object',
              properties: { command: { type: 'string' } },
              required: ['command'],
            },
          },
        ],
        messages: [
          { role: 'user', content: 'List files' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: '…', signature: '…' },
              { type: 'tool_use', id: 'toolu_01', name: 'Bash', input: { command: 'ls' } },
            ],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 'toolu_01',
                content: [{ type: 'text', text: 'a.txt\nb.txt' }],
              },
              { type: 'text', text: 'Now count them.' },
            ],
          },
        ],
      },
      openai,
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_completion_tokens: 32000,
      stream: true,
      stream_options: { include_usage: true },
      reasoning_effort: 'high',
      messages: [
        { role: 'system', content: 'You are Claude Code.' },
        { role: 'user', content: 'List files' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'toolu_01', type: 'function', function: { name: 'Bash', arguments: '{"command":"ls"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_01', content: 'a.txt\nb.txt' },
        { role: 'user', content: 'Now count them.' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'Bash',
            description: 'Run a command',
            parameters: {
              type: 'object',
              properties: { command: { type: 'string' } },
              required: ['command'],
            },
          },
        },
      ],
    });
    expect(readMemo(memo)).toEqual({
      requestedModel: 'claude-sonnet-4-5',
      stopSequences: [],
      toolNames: {},
      contentFilterStopReason: 'refusal',
      bufferToolArguments: false,
    });
  });

  describe('max_tokens', () => {
    it.each(['openai', 'azure-openai'])('is max_completion_tokens for %s', (provider) => {
      const body = bodyOf({}, { provider });
      expect(body.max_completion_tokens).toBe(1024);
      expect(body).not.toHaveProperty('max_tokens');
    });
    it.each(['openai-compatible', 'deepseek'])('is max_tokens for %s', (provider) => {
      const body = bodyOf({}, { provider });
      expect(body.max_tokens).toBe(1024);
      expect(body).not.toHaveProperty('max_completion_tokens');
    });
    it('falls back to the instance default when the client omits it', () => {
      const { body } = mapRequest(
        { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
        { provider: 'openai', defaults: { max_tokens: 77 } },
      );
      expect(body.max_completion_tokens).toBe(77);
    });
    it.each([0, -1, 1.5, '10'])('rejects %p', (value) => {
      const error = rejection(() => convert({ max_tokens: value }));
      expect(error.code).toBe(GatewayErrorCode.INVALID_REQUEST);
      expect(error.param).toBe('max_tokens');
    });
  });

  describe('system', () => {
    it('puts a string system first', () => {
      expect(bodyOf({ system: 'Be brief.' }).messages).toEqual([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ]);
    });
    it('joins system blocks, skipping blank ones', () => {
      const messages = bodyOf({
        system: [
          { type: 'text', text: 'One.' },
          { type: 'text', text: '  ' },
          { type: 'text', text: 'Two.' },
        ],
      }).messages as unknown[];
      expect(messages[0]).toEqual({ role: 'system', content: 'One.\n\nTwo.' });
    });
    it('hoists mid-conversation system messages into the first system message', () => {
      const messages = bodyOf({
        system: 'Top.',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: 'b' },
          { role: 'system', content: 'Mid.' },
          { role: 'user', content: 'c' },
        ],
      }).messages;
      expect(messages).toEqual([
        { role: 'system', content: 'Top.\n\nMid.' },
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'c' },
      ]);
    });
    it('removes the Claude Code billing header line (its per-request cch= value defeats prompt caching)', () => {
      const messages = bodyOf({
        system: [
          { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.3; cch=8f2a9c;' },
          { type: 'text', text: 'You are Claude Code.\nx-anthropic-billing-header: cch=77;\nBe careful.' },
        ],
      }).messages as unknown[];
      expect(messages[0]).toEqual({ role: 'system', content: 'You are Claude Code.\nBe careful.' });
    });
    it('rejects non-text system blocks', () => {
      expect(rejection(() => convert({ system: [{ type: 'image' }] })).param).toBe('system.0');
    });
  });

  describe('messages', () => {
    it('maps base64 and url images, PDFs and text documents', () => {
      const messages = bodyOf({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
              { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } },
              {
                type: 'document',
                title: 'Notes',
                source: { type: 'text', media_type: 'text/plain', data: 'plain text' },
              },
              { type: 'text', text: 'Describe.' },
            ],
          },
        ],
      }).messages;
      expect(messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            {
              type: 'file',
              file: { filename: 'document.pdf', file_data: 'data:application/pdf;base64,JVBER' },
            },
            { type: 'text', text: 'Notes\n\nplain text' },
            { type: 'text', text: 'Describe.' },
          ],
        },
      ]);
    });

    it('rejects Files API sources with a clear message', () => {
      const error = rejection(() =>
        convert({
          messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'file', file_id: 'f' } }] }],
        }),
      );
      expect(error.param).toBe('messages.0.content.0.source.type');
      expect(error.message).toContain('cannot be sent to an OpenAI upstream');
    });

    it('removes empty and whitespace-only text and merges consecutive same-role turns', () => {
      const messages = bodyOf({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'one' },
              { type: 'text', text: ' \n' },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'text', text: '' },
              { type: 'text', text: 'two' },
            ],
          },
          { role: 'assistant', content: 'x' },
          { role: 'assistant', content: [{ type: 'text', text: 'y' }] },
          { role: 'user', content: 'z' },
        ],
      }).messages;
      expect(messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        },
        { role: 'assistant', content: 'x\ny' },
        { role: 'user', content: 'z' },
      ]);
    });

    it('places tool messages before the text of the same turn, merging results split across user messages', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'weather in Paris and Rome?' },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Checking.' },
              { type: 'tool_use', id: 'toolu_a', name: 'weather', input: { city: 'Paris' } },
              { type: 'tool_use', id: 'toolu_b', name: 'weather', input: { city: 'Rome' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'and be quick' },
              { type: 'tool_result', tool_use_id: 'toolu_a', content: '20C' },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'toolu_b', content: 'timeout', is_error: true }],
          },
        ],
      }).messages;
      expect(messages).toEqual([
        { role: 'user', content: 'weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'toolu_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
            { id: 'toolu_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_a', content: '20C' },
        { role: 'tool', tool_call_id: 'toolu_b', content: '[tool error] timeout' },
        { role: 'user', content: 'and be quick' },
      ]);
    });

    it('flattens tool_result blocks and moves returned images into the following user message', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'shoot' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'screenshot', input: {} }] },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't1',
                content: [
                  { type: 'text', text: 'Here:' },
                  { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAA' } },
                ],
              },
            ],
          },
        ],
      }).messages;
      expect(messages).toEqual([
        { role: 'user', content: 'shoot' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 't1', type: 'function', function: { name: 'screenshot', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 't1', content: 'Here:\n[image]' },
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } }] },
      ]);
    });

    it('drops tool_reference items from tool results (tool search)', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'find a tool' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'tool_search', input: {} }] },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't1',
                content: [
                  { type: 'tool_reference', tool_name: 'get_weather' },
                  { type: 'text', text: 'found' },
                ],
              },
            ],
          },
        ],
      }).messages as unknown[];
      expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 't1', content: 'found' });
    });

    it('gives a tool_result without content an empty tool message', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'noop', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1' }] },
        ],
      }).messages as unknown[];
      expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 't1', content: '' });
    });

    it('rejects a tool_result that answers no tool_use, and a tool_use left unanswered', () => {
      expect(
        rejection(() =>
          convert({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'nope' }] }] }),
        ).message,
      ).toContain('does not answer a tool_use');
      expect(
        rejection(() =>
          convert({
            messages: [
              { role: 'user', content: 'go' },
              { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'x', input: {} }] },
              { role: 'user', content: 'never mind' },
            ],
          }),
        ).message,
      ).toContain('t1');
    });

    describe('thinking history', () => {
      const history = {
        messages: [
          { role: 'user', content: 'q' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'Let me think.', signature: 'sig' },
              { type: 'redacted_thinking', data: 'xxx' },
              { type: 'text', text: 'Answer.' },
            ],
          },
          { role: 'user', content: 'more' },
        ],
      };
      it('goes back as reasoning_content for DeepSeek-style upstreams', () => {
        expect((bodyOf(history, deepseek).messages as unknown[])[1]).toEqual({
          role: 'assistant',
          content: 'Answer.',
          reasoning_content: 'Let me think.',
        });
      });
      it('is dropped toward api.openai.com (and redacted thinking always)', () => {
        expect((bodyOf(history, openai).messages as unknown[])[1]).toEqual({
          role: 'assistant',
          content: 'Answer.',
        });
      });
      it('sends signed thinking and redacted thinking as thinking_blocks with the thinking_blocks option', () => {
        const target = { provider: 'openai-compatible', conversion: { thinking_blocks: true } };
        expect((bodyOf(history, target).messages as unknown[])[1]).toEqual({
          role: 'assistant',
          content: 'Answer.',
          reasoning_content: 'Let me think.',
          thinking_blocks: [
            { type: 'thinking', thinking: 'Let me think.', signature: 'sig' },
            { type: 'redacted_thinking', data: 'xxx' },
          ],
        });
      });
      it('follows the instance option over the provider default', () => {
        const target = { provider: 'openai-compatible', conversion: { reasoning_content: false } };
        expect((bodyOf(history, target).messages as unknown[])[1]).not.toHaveProperty('reasoning_content');
      });
      it('drops an assistant turn that only thought, merging the user turns around it', () => {
        const messages = bodyOf(
          {
            messages: [
              { role: 'user', content: 'a' },
              { role: 'assistant', content: [{ type: 'thinking', thinking: 'hm', signature: 's' }] },
              { role: 'user', content: 'b' },
            ],
          },
          deepseek,
        ).messages;
        expect(messages).toEqual([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
        ]);
      });
    });

    it.each([
      [{ messages: [] }, 'messages'],
      [{ messages: 'hi' }, 'messages'],
      [{ messages: [{ role: 'tool', content: 'x' }] }, 'messages.0.role'],
      [{ messages: [{ role: 'user', content: 5 }] }, 'messages.0.content'],
      [
        { messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'b', input: {} }] }] },
        'messages.0.content.0.type',
      ],
      [{ messages: [{ role: 'user', content: [{ type: 'mystery' }] }] }, 'messages.0.content.0.type'],
      [{ model: '' }, 'model'],
      [{ temperature: 3 }, 'temperature'],
      [{ stop_sequences: 'END' }, 'stop_sequences'],
      [{ stream: 'yes' }, 'stream'],
    ])('rejects %j naming %s', (body, param) => {
      const error = rejection(() => convert(body));
      expect(error.code).toBe(GatewayErrorCode.INVALID_REQUEST);
      expect(error.param).toBe(param);
    });
  });

  describe('sampling and misc fields', () => {
    it('keeps temperature and top_p, maps stop_sequences and metadata.user_id, drops top_k and Anthropic-only fields', () => {
      const body = bodyOf({
        temperature: 0.3,
        top_p: 0.9,
        top_k: 40,
        stop_sequences: ['END', ''],
        metadata: { user_id: 'user-1' },
        cache_control: { type: 'ephemeral' },
        container: 'c',
        mcp_servers: [],
        context_management: {},
        inference_geo: 'us',
        speed: 'fast',
        service_tier: 'standard_only',
      });
      expect(body).toEqual({
        model: 'claude-sonnet-4-5',
        max_completion_tokens: 1024,
        messages: [{ role: 'user', content: 'hi' }],
        temperature: 0.3,
        top_p: 0.9,
        stop: ['END'],
        user: 'user-1',
        service_tier: 'default',
      });
    });
    it('records stop sequences in the memo', () => {
      expect(readMemo(convert({ stop_sequences: ['###'] }).memo).stopSequences).toEqual(['###']);
    });
    it('limits stop sequences to four on the OpenAI platform only', () => {
      const five = { stop_sequences: ['a', 'b', 'c', 'd', 'e'] };
      expect(rejection(() => convert(five, openai)).param).toBe('stop_sequences');
      expect(bodyOf(five, compatible).stop).toEqual(['a', 'b', 'c', 'd', 'e']);
    });
    it('drops service_tier toward non-OpenAI providers', () => {
      expect(bodyOf({ service_tier: 'auto' }, compatible)).not.toHaveProperty('service_tier');
      expect(bodyOf({ service_tier: 'auto' }, openai).service_tier).toBe('auto');
    });
    it('requests usage in streams', () => {
      expect(bodyOf({ stream: true })).toMatchObject({
        stream: true,
        stream_options: { include_usage: true },
      });
      expect(bodyOf({ stream: false })).not.toHaveProperty('stream');
    });
    it('maps output_config.format to a json_schema response_format', () => {
      const schema = { type: 'object', properties: { a: { type: 'string' } } };
      expect(bodyOf({ output_config: { format: { type: 'json_schema', schema } } }).response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'structured_output', schema },
      });
    });
  });

  describe('tools', () => {
    const weather = {
      name: 'get_weather',
      description: 'Weather',
      input_schema: { type: 'object', properties: { city: { type: 'string' } } },
    };
    it('keeps custom tools without leaking type:"custom" into parameters', () => {
      const body = bodyOf({
        tools: [{ ...weather, type: 'custom', strict: true, cache_control: { type: 'ephemeral' } }],
      });
      expect(body.tools).toEqual([
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
            strict: true,
          },
        },
      ]);
    });
    it.each([
      [{ type: 'auto' }, 'auto'],
      [{ type: 'any' }, 'required'],
      [{ type: 'none' }, 'none'],
      [
        { type: 'tool', name: 'get_weather' },
        { type: 'function', function: { name: 'get_weather' } },
      ],
    ])('maps tool_choice %j', (choice, expected) => {
      expect(bodyOf({ tools: [weather], tool_choice: choice }).tool_choice).toEqual(expected);
    });
    it('maps disable_parallel_tool_use to parallel_tool_calls:false', () => {
      const body = bodyOf({
        tools: [weather],
        tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      });
      expect(body.parallel_tool_calls).toBe(false);
    });
    it('drops server tools, and tool_choice with them when no tool is left', () => {
      const body = bodyOf({
        tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }],
        tool_choice: { type: 'any', disable_parallel_tool_use: true },
      });
      expect(body).not.toHaveProperty('tools');
      expect(body).not.toHaveProperty('tool_choice');
      expect(body).not.toHaveProperty('parallel_tool_calls');
    });
    it('rejects a tool_choice naming a dropped server tool or an unknown tool', () => {
      const tools = [weather, { type: 'web_search_20250305', name: 'web_search' }];
      expect(
        rejection(() => convert({ tools, tool_choice: { type: 'tool', name: 'web_search' } })).message,
      ).toContain('server tool');
      expect(rejection(() => convert({ tools, tool_choice: { type: 'tool', name: 'nope' } })).param).toBe(
        'tool_choice.name',
      );
    });
    it('shortens names over 64 characters everywhere and remembers the originals', () => {
      const long = `mcp__${'very_long_server_name_'.repeat(3)}__fetch_everything_now`;
      expect(long.length).toBeGreaterThan(64);
      const { body, memo } = convert({
        tools: [{ ...weather, name: long }],
        tool_choice: { type: 'tool', name: long },
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: long, input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] },
        ],
      });
      const short = ((body.tools as { function: { name: string } }[])[0] as { function: { name: string } })
        .function.name;
      expect(short.length).toBeLessThanOrEqual(64);
      expect(short).not.toBe(long);
      expect(body.tool_choice).toEqual({ type: 'function', function: { name: short } });
      expect(JSON.stringify(body.messages)).toContain(`"name":"${short}"`);
      expect(readMemo(memo).toolNames).toEqual({ [short]: long });
    });
  });

  describe('thinking → reasoning_effort', () => {
    it.each([
      [1024, 'low'],
      [2047, 'low'],
      [2048, 'medium'],
      [4095, 'medium'],
      [4096, 'high'],
      [32000, 'high'],
    ])('budget %i → %s', (budget, effort) => {
      expect(bodyOf({ thinking: { type: 'enabled', budget_tokens: budget } }).reasoning_effort).toBe(effort);
    });
    it('maps adaptive thinking and output_config.effort', () => {
      expect(bodyOf({ thinking: { type: 'adaptive' } }).reasoning_effort).toBe('medium');
      expect(
        bodyOf({ thinking: { type: 'adaptive' }, output_config: { effort: 'max' } }).reasoning_effort,
      ).toBe('xhigh');
      expect(bodyOf({ thinking: { type: 'disabled' } })).not.toHaveProperty('reasoning_effort');
    });
    it('is dropped for deepseek unless the instance enables it', () => {
      const thinking = { type: 'enabled', budget_tokens: 5000 };
      expect(bodyOf({ thinking }, deepseek)).not.toHaveProperty('reasoning_effort');
      expect(
        bodyOf({ thinking }, { provider: 'deepseek', conversion: { reasoning_effort: true } })
          .reasoning_effort,
      ).toBe('high');
    });
    it('rejects a malformed thinking config', () => {
      expect(rejection(() => convert({ thinking: { type: 'enabled' } })).param).toBe(
        'thinking.budget_tokens',
      );
      expect(rejection(() => convert({ thinking: { type: 'sometimes' } })).param).toBe('thinking.type');
    });
  });
});
