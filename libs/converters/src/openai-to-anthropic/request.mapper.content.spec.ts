import { GatewayErrorCode } from '@switchboard/common/errors';
import { convert, errorOf, user } from './testing/request-cases';

describe('OpenAI → Anthropic request', () => {
  it('maps content parts: images, PDFs, files; drops empty text; merges same-role turns', () => {
    const { body } = convert({
      messages: [
        user([
          { type: 'text', text: ' ' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:application/pdf;base64,JVBERi0' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi1', filename: 'a.pdf' } },
          { type: 'file', file: { file_data: 'JVBERi2', filename: 'b.pdf' } },
        ]),
        user('second'),
        { role: 'assistant', content: '' },
        { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
        user('third'),
      ],
    });
    expect(body.messages[0].content).toEqual([
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi1' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi2' } },
      { type: 'text', text: 'second' },
    ]);
    expect(body.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'ok' }] });
    expect(
      errorOf({ messages: [user([{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }])] })
        .code,
    ).toBe(GatewayErrorCode.UNSUPPORTED_CONVERSION);
    expect(
      errorOf({
        messages: [user([{ type: 'image_url', image_url: { url: 'data:image/tiff;base64,AAAA' } }])],
      }).code,
    ).toBe(GatewayErrorCode.UNSUPPORTED_CONVERSION);
  });

  it('starts with a user turn and trims a trailing assistant prefill', () => {
    const { body } = convert({
      messages: [
        { role: 'assistant', content: 'Earlier' },
        user('hi'),
        { role: 'assistant', content: 'Sure: ' },
      ],
    });
    expect(body.messages[0]).toEqual({ role: 'user', content: [{ type: 'text', text: '...' }] });
    expect(body.messages[3]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Sure:' }] });
  });

  it('rejects requests with nothing to send', () => {
    expect(errorOf({ messages: [{ role: 'system', content: 'only system' }] }).param).toBe('messages');
    expect(errorOf({ messages: [] }).param).toBe('messages');
    expect(errorOf({ messages: [{ role: 'wizard', content: 'x' }] }).code).toBe(
      GatewayErrorCode.INVALID_REQUEST,
    );
  });

  it('emulates response_format with a forced tool, or output_config when configured', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const tool = convert({
      messages: [user('hi')],
      response_format: { type: 'json_schema', json_schema: { name: 's', schema } },
    });
    expect(tool.body.tools).toEqual([
      { name: 'json_response', description: 'Respond with a JSON object.', input_schema: schema },
    ]);
    expect(tool.body.tool_choice).toEqual({ type: 'tool', name: 'json_response' });
    expect(tool.memo.jsonTool).toBe('json_response');
    const object = convert({ messages: [user('hi')], response_format: { type: 'json_object' } });
    expect(object.body.tools[0].input_schema).toEqual({ type: 'object', additionalProperties: true });
    const wrapped = convert({
      messages: [user('hi')],
      response_format: { type: 'json_schema', json_schema: { name: 's', schema: { type: 'array' } } },
    });
    expect(wrapped.body.tools[0].input_schema).toEqual({
      type: 'object',
      properties: { value: { type: 'array' } },
      required: ['value'],
    });
    expect(wrapped.memo.jsonUnwrap).toBe(true);
    const native = convert(
      {
        messages: [user('hi')],
        response_format: { type: 'json_schema', json_schema: { name: 's', schema } },
      },
      { provider: 'anthropic', conversion: { json_mode: 'output_config' } },
    );
    expect(native.body.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(native.body).not.toHaveProperty('tools');
    expect(convert({ messages: [user('hi')], response_format: { type: 'text' } }).body).not.toHaveProperty(
      'tools',
    );
  });

  it('maps reasoning_effort to thinking budgets and applies the thinking constraints', () => {
    const { body } = convert({
      messages: [user('hi')],
      reasoning_effort: 'high',
      max_tokens: 1000,
      temperature: 0.2,
      top_p: 0.5,
      tools: [{ type: 'function', function: { name: 'f' } }],
      tool_choice: 'required',
      response_format: { type: 'json_object' },
    });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 4096 });
    expect(body.max_tokens).toBe(5096);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(body.tool_choice).toEqual({ type: 'auto' });
    expect(convert({ messages: [user('hi')], reasoning_effort: 'none' }).body).not.toHaveProperty('thinking');
    const adaptive = convert(
      { messages: [user('hi')], reasoning_effort: 'minimal' },
      { provider: 'anthropic', conversion: { thinking_mode: 'adaptive' } },
    ).body;
    expect(adaptive).toMatchObject({ thinking: { type: 'adaptive' }, output_config: { effort: 'low' } });
    const custom = convert(
      { messages: [user('hi')], reasoning_effort: 'low', max_tokens: 20000 },
      { provider: 'anthropic', conversion: { reasoning_budgets: { low: 3000 } } },
    ).body;
    expect(custom).toMatchObject({ thinking: { budget_tokens: 3000 }, max_tokens: 20000 });
    expect(errorOf({ messages: [user('hi')], reasoning_effort: 'extreme' }).param).toBe('reasoning_effort');
  });

  it('round-trips reasoning sent back by the client as signed thinking blocks', () => {
    const history = [
      user('go'),
      {
        role: 'assistant',
        reasoning_content: 'I should call f.',
        thinking_blocks: [{ type: 'thinking', thinking: 'I should call f.', signature: 'sig-1' }],
        tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'x', content: 'done' },
    ];
    const tools = [{ type: 'function', function: { name: 'f' } }];
    const withThinking = convert({ messages: history, tools, reasoning_effort: 'low' }).body;
    expect(withThinking.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(withThinking.messages[1].content[0]).toEqual({
      type: 'thinking',
      thinking: 'I should call f.',
      signature: 'sig-1',
    });
    const viaSignature = convert({
      messages: [
        user('go'),
        { role: 'assistant', content: 'ok', reasoning_content: 'hmm', reasoning_signature: 'sig-2' },
        user('next'),
      ],
      reasoning_effort: 'low',
    }).body;
    expect(viaSignature.messages[1].content[0]).toEqual({
      type: 'thinking',
      thinking: 'hmm',
      signature: 'sig-2',
    });
    // Without thinking enabled, earlier thinking blocks are removed.
    expect(convert({ messages: history, tools }).body.messages[1].content).toEqual([
      { type: 'tool_use', id: 'x', name: 'f', input: {} },
    ]);
    // Thinking requested but the last tool turn carries no thinking: thinking is left off rather than failing.
    const unsigned = convert({
      messages: [
        user('go'),
        {
          role: 'assistant',
          tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'x', content: 'r' },
      ],
      tools,
      reasoning_effort: 'high',
    }).body;
    expect(unsigned).not.toHaveProperty('thinking');
  });

  it('maps safety_identifier/user to metadata.user_id but never an e-mail or phone number', () => {
    expect(convert({ messages: [user('hi')], safety_identifier: 'sid', user: 'u' }).body.metadata).toEqual({
      user_id: 'sid',
    });
    expect(convert({ messages: [user('hi')], user: '+1 (555) 123-4567' }).body).not.toHaveProperty(
      'metadata',
    );
  });
});
