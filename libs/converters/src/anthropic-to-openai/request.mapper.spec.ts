import { GatewayErrorCode } from '@switchboard/common/errors';
import { readMemo } from './conversion-memo';
import { mapRequest } from './request.mapper';
import { base, bodyOf, convert, deepFreeze, openai, rejection } from './testing/request-cases';

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
});
