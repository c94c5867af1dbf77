import { readMemo } from './conversion-memo';
import { bodyOf, compatible, convert, deepseek, openai, rejection } from './testing/request-cases';

describe('anthropic-to-openai request mapper', () => {
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
