import { GatewayErrorCode } from '@switchboard/common/errors';
import { encodeReasoningItemCarrier } from '@switchboard/protocols';
import { fixedClock } from '../testing/fixed-clock';
import { anthropicToResponsesConverter as converter } from './index';
import { responsesRequestProblems } from '@switchboard/testing/responses-request.validator';

const convert = (body: Record<string, unknown>, conversion?: Record<string, unknown>, provider = 'openai') =>
  converter.convertRequest(body, { provider, conversion }, fixedClock());

const carrier = encodeReasoningItemCarrier({ id: 'rs_1', encrypted_content: 'gAAAA-blob' });

/** A Claude Code style turn: system blocks, thinking, a tool round trip with an error result and an image. */
const CLAUDE_CODE_TURN = {
  model: 'claude-sonnet-4-5',
  max_tokens: 32000,
  system: [
    { type: 'text', text: 'x-anthropic-billing-header: cc_version=1; cch=abc;' },
    { type: 'text', text: 'You are Claude Code.', cache_control: { type: 'ephemeral' } },
  ],
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'List the files.' }] },
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Use ls.', signature: carrier },
        { type: 'thinking', thinking: 'Claude thought.', signature: 'EqQBCkgIBxABGAIiQ-anthropic' },
        { type: 'text', text: 'Running ls.' },
        { type: 'tool_use', id: 'call_1', name: 'Bash', input: { command: 'ls' } },
        { type: 'tool_use', id: 'call_2', name: 'Read', input: { path: 'a.png' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_1', content: [{ type: 'text', text: 'a.png' }] },
        {
          type: 'tool_result',
          tool_use_id: 'call_2',
          is_error: true,
          content: [
            { type: 'text', text: 'binary' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } },
          ],
        },
        { type: 'text', text: 'Go on.' },
      ],
    },
  ],
  tools: [
    { name: 'Bash', description: 'Run', input_schema: { type: 'object', properties: {} } },
    { name: 'Read', input_schema: { type: 'object', properties: {} } },
    { type: 'web_search_20250305', name: 'web_search' },
  ],
  tool_choice: { type: 'auto', disable_parallel_tool_use: true },
  thinking: { type: 'enabled', budget_tokens: 5000 },
  metadata: { user_id: `user_${'a'.repeat(64)}_account_x_session_y` },
  stream: true,
};

describe('Anthropic request → Responses request', () => {
  it('converts a Claude Code turn into a valid, stateless CreateResponse', () => {
    const { body } = convert(CLAUDE_CODE_TURN);
    expect(responsesRequestProblems(body)).toEqual([]);
    expect(body).toMatchObject({
      model: 'claude-sonnet-4-5',
      instructions: 'You are Claude Code.',
      max_output_tokens: 32000,
      store: false,
      stream: true,
      reasoning: { effort: 'high', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      user: CLAUDE_CODE_TURN.metadata.user_id,
    });
    expect(body.tools).toEqual([
      {
        type: 'function',
        name: 'Bash',
        description: 'Run',
        parameters: { type: 'object', properties: {} },
        strict: false,
      },
      { type: 'function', name: 'Read', parameters: { type: 'object', properties: {} }, strict: false },
    ]);
    expect(body.input).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'List the files.' }] },
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [{ type: 'summary_text', text: 'Use ls.' }],
        encrypted_content: 'gAAAA-blob',
      },
      { type: 'message', role: 'assistant', content: 'Running ls.' },
      { type: 'function_call', call_id: 'call_1', name: 'Bash', arguments: '{"command":"ls"}' },
      { type: 'function_call', call_id: 'call_2', name: 'Read', arguments: '{"path":"a.png"}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'a.png' },
      {
        type: 'function_call_output',
        call_id: 'call_2',
        output: [
          { type: 'input_text', text: '[tool error] binary' },
          { type: 'input_image', image_url: 'data:image/png;base64,iVBO', detail: 'auto' },
        ],
      },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Go on.' }] },
    ]);
    expect(JSON.stringify(body)).not.toContain('anthropic');
  });

  it('sends a short metadata.user_id as safety_identifier and never a stop or max_tokens field', () => {
    const { body } = convert({
      model: 'm',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'hi' }],
      metadata: { user_id: 'u-1' },
      stop_sequences: [''],
      top_k: 5,
    });
    expect(body).toEqual({
      model: 'm',
      input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }],
      store: false,
      max_output_tokens: 16,
      safety_identifier: 'u-1',
    });
  });

  it('refuses stop sequences (Responses has none) unless the instance drops them', () => {
    const request = {
      model: 'm',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
      stop_sequences: ['END'],
    };
    expect(() => convert(request)).toThrow(
      expect.objectContaining({ code: GatewayErrorCode.INVALID_REQUEST, param: 'stop_sequences' }),
    );
    expect(convert(request, { stop_sequences: 'drop' }).body).not.toHaveProperty('stop');
  });

  it('maps tool_choice any/tool/none, documents, a redacted carrier and structured output', () => {
    const tools = [{ name: 'f', input_schema: { type: 'object', properties: {} } }];
    const base = { model: 'm', max_tokens: 100, tools };
    const msg = (content: unknown) => [{ role: 'user', content }];
    const choice = (tool_choice: unknown) =>
      convert({ ...base, messages: msg('x'), tool_choice }).body.tool_choice;
    expect(choice({ type: 'any' })).toBe('required');
    expect(choice({ type: 'none' })).toBe('none');
    expect(choice({ type: 'tool', name: 'f' })).toEqual({ type: 'function', name: 'f' });
    expect(() => convert({ ...base, messages: msg('x'), tool_choice: { type: 'tool', name: 'g' } })).toThrow(
      expect.objectContaining({ param: 'tool_choice.name' }),
    );
    const { body } = convert({
      ...base,
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'document',
              source: { type: 'base64', media_type: 'application/pdf', data: 'JVBE' },
              title: 'r',
            },
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'redacted_thinking', data: carrier },
            { type: 'text', text: 'ok' },
          ],
        },
        { role: 'user', content: 'next' },
      ],
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: {} } } },
    });
    expect(responsesRequestProblems(body)).toEqual([]);
    expect((body.input as unknown[])[0]).toEqual({
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_file', filename: 'r.pdf', file_data: 'data:application/pdf;base64,JVBE' },
        { type: 'input_file', file_url: 'https://example.com/a.pdf' },
        { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'auto' },
      ],
    });
    expect((body.input as unknown[])[1]).toEqual({
      type: 'reasoning',
      id: 'rs_1',
      summary: [],
      encrypted_content: 'gAAAA-blob',
    });
    expect(body.text).toEqual({
      format: {
        type: 'json_schema',
        name: 'structured_output',
        schema: { type: 'object', properties: {} },
        strict: false,
      },
    });
  });

  it('drops a reasoning item that nothing in its turn follows (OpenAI refuses it)', () => {
    const { body } = convert({
      model: 'm',
      max_tokens: 100,
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'Hmm.', signature: carrier }] },
        { role: 'user', content: 'b' },
      ],
    });
    expect((body.input as { type: string }[]).map((i) => i.type)).toEqual(['message', 'message']);
  });

  it('rejects an unanswered tool_use and a tool_result that answers nothing', () => {
    const tools = [{ name: 'f', input_schema: { type: 'object' } }];
    const call = { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] };
    expect(() =>
      convert({
        model: 'm',
        tools,
        messages: [{ role: 'user', content: 'a' }, call, { role: 'user', content: 'b' }],
      }),
    ).toThrow(expect.objectContaining({ param: 'messages' }));
    expect(() =>
      convert({
        model: 'm',
        messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'zz', content: 'x' }] }],
      }),
    ).toThrow(expect.objectContaining({ param: 'messages.0.content.0.tool_use_id' }));
  });
});
