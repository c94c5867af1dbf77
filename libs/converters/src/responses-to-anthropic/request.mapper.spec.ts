import { GatewayErrorCode } from '@switchboard/common/errors';
import { encodeThinkingCarrier } from '@switchboard/protocols';
import { assertValidAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import { droppedToolsOf } from '../responses-to-openai';
import { fixedClock } from '../testing/fixed-clock';
import { responsesToAnthropicConverter } from './index';

const convert = (body: Record<string, unknown>, conversion?: Record<string, unknown>) =>
  responsesToAnthropicConverter.convertRequest(body, { provider: 'anthropic', conversion }, fixedClock());

/** What Codex sends (responses-spec §12.1): instructions, developer context, namespaces, web_search, store false. */
const CODEX_TURN_2 = {
  model: 'claude-sonnet-4-5',
  instructions: 'You are Codex.',
  input: [
    {
      type: 'message',
      role: 'developer',
      content: [{ type: 'input_text', text: '<permissions>sandboxed</permissions>' }],
    },
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'List the files.' }] },
    {
      type: 'reasoning',
      id: 'rs_1',
      summary: [{ type: 'summary_text', text: 'Use ls.' }],
      encrypted_content: encodeThinkingCarrier({ signature: 'sig-abc' }),
    },
    {
      type: 'function_call',
      call_id: 'toolu_1',
      name: 'read_file',
      namespace: 'mcp__fs',
      arguments: '{"path":"a"}',
    },
    { type: 'function_call', call_id: 'toolu_2', name: 'shell', arguments: '{"command":["ls"]}' },
    { type: 'function_call_output', call_id: 'toolu_1', output: 'contents' },
    { type: 'function_call_output', call_id: 'toolu_2', output: [{ type: 'input_text', text: 'a\nb' }] },
    { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'x' } },
    { type: 'reasoning', id: 'rs_openai', summary: [], encrypted_content: 'gAAAAB-openai-blob' },
    {
      type: 'message',
      role: 'assistant',
      phase: 'final_answer',
      content: [{ type: 'output_text', text: 'Two files.', annotations: [] }],
    },
    { type: 'message', role: 'user', content: 'Thanks' },
  ],
  tools: [
    {
      type: 'function',
      name: 'shell',
      description: 'Runs a command',
      parameters: { type: 'object', properties: { command: { type: 'array' } } },
      strict: false,
    },
    {
      type: 'namespace',
      name: 'mcp__fs',
      description: 'Tools in the mcp__fs namespace.',
      tools: [
        {
          type: 'function',
          name: 'read_file',
          parameters: { type: 'object', properties: {} },
          strict: false,
        },
      ],
    },
    { type: 'web_search', external_web_access: false },
    { type: 'image_generation', output_format: 'png' },
  ],
  tool_choice: 'auto',
  parallel_tool_calls: true,
  reasoning: { effort: 'medium', summary: 'auto' },
  store: false,
  stream: true,
  include: ['reasoning.encrypted_content'],
  prompt_cache_key: 'conv-1',
  client_metadata: { session: 'x' },
  text: { verbosity: 'low' },
};

describe('Responses request → Anthropic request', () => {
  it('converts a Codex turn into a valid Messages request', () => {
    const { body, memo } = convert(CODEX_TURN_2);
    assertValidAnthropicRequest(body);
    expect(body.system).toEqual([
      { type: 'text', text: 'You are Codex.' },
      { type: 'text', text: '<permissions>sandboxed</permissions>' },
    ]);
    expect((body.tools as { name: string }[]).map((t) => t.name)).toEqual(['shell', 'mcp__fs__read_file']);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'List the files.' }] },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Use ls.', signature: 'sig-abc' },
          { type: 'tool_use', id: 'toolu_1', name: 'mcp__fs__read_file', input: { path: 'a' } },
          { type: 'tool_use', id: 'toolu_2', name: 'shell', input: { command: ['ls'] } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: 'contents' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'a\nb' },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'Two files.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
    ]);
    expect(body.thinking).toMatchObject({ type: 'enabled' });
    expect(body.stream).toBe(true);
    expect(droppedToolsOf(memo)).toEqual(['web_search', 'image_generation']);
    expect(JSON.stringify(body)).not.toContain('gAAAAB');
  });

  it('rejects built-in tools naming the tool when the instance says builtin_tools: reject', () => {
    expect(() => convert(CODEX_TURN_2, { builtin_tools: 'reject' })).toThrow(
      expect.objectContaining({
        code: GatewayErrorCode.INVALID_REQUEST,
        param: 'tools',
        message: expect.stringContaining("'web_search'"),
      }),
    );
  });

  it('answers background: true with a 400 naming the field', () => {
    expect(() => convert({ model: 'm', input: 'x', background: true })).toThrow(
      expect.objectContaining({ code: GatewayErrorCode.INVALID_REQUEST, param: 'background' }),
    );
  });

  it('never sends previous_response_id upstream (the data plane expanded its history into input)', () => {
    const sent = JSON.stringify(convert({ model: 'm', input: 'x', previous_response_id: 'resp_1' }).body);
    expect(sent).not.toContain('resp_1');
  });

  it('maps max_output_tokens, sampling, a forced tool, parallel_tool_calls and safety_identifier', () => {
    const { body } = convert({
      model: 'm',
      input: 'x',
      max_output_tokens: 300,
      temperature: 0.5,
      tools: [{ type: 'function', name: 'f', parameters: null, strict: true }],
      tool_choice: { type: 'function', name: 'f' },
      parallel_tool_calls: false,
      safety_identifier: 'user-1',
    });
    assertValidAnthropicRequest(body);
    expect(body).toMatchObject({
      max_tokens: 300,
      temperature: 0.5,
      tool_choice: { type: 'tool', name: 'f', disable_parallel_tool_use: true },
      metadata: { user_id: 'user-1' },
    });
  });

  it('refuses a tool_choice naming a tool that is not sent upstream', () => {
    expect(() =>
      convert({
        model: 'm',
        input: 'x',
        tools: [{ type: 'web_search' }],
        tool_choice: { type: 'web_search' },
      }),
    ).toThrow(expect.objectContaining({ param: 'tool_choice' }));
  });

  it('gives every namespace member a valid, unique, stable upstream name', () => {
    const long = 'x'.repeat(80);
    const request = {
      model: 'm',
      input: 'x',
      tools: [
        { type: 'function', name: 'a__b', parameters: {}, strict: false },
        {
          type: 'namespace',
          name: 'a',
          description: 'A',
          tools: [{ type: 'function', name: 'b', parameters: {}, strict: false }],
        },
        {
          type: 'namespace',
          name: 'mcp.server',
          description: 'S',
          tools: [{ type: 'function', name: long, parameters: {}, strict: false }],
        },
      ],
    };
    const names = (convert(request).body.tools as { name: string }[]).map((t) => t.name);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(names[0]).toBe('a__b');
    expect((convert(request).body.tools as { name: string }[]).map((t) => t.name)).toEqual(names);
  });

  it('rejects input items it cannot read with a 400 naming the item', () => {
    expect(() =>
      convert({
        model: 'm',
        input: [{ type: 'message', role: 'user', content: [{ type: 'input_image', file_id: 'file_1' }] }],
      }),
    ).toThrow(
      expect.objectContaining({ code: GatewayErrorCode.INVALID_REQUEST, param: 'input[0].content[0]' }),
    );
    expect(() => convert({ model: 'm', input: [{ type: 'item_reference', id: 'msg_1' }] })).toThrow(
      expect.objectContaining({ param: 'input[0]' }),
    );
    expect(() => convert({ model: 'm' })).toThrow(expect.objectContaining({ param: 'input' }));
  });
});
