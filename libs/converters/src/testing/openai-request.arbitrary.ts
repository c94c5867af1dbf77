import fc from 'fast-check';

/** fast-check generators of well-formed (but awkward) OpenAI Chat Completions requests. */

const LONG_NAME = `mcp__server__${'very_long_tool_name_'.repeat(4)}`;
export const TOOL_NAMES = ['get_weather', 'f', LONG_NAME, 'search-docs'] as const;
const IDS = ['call_1', 'call_2', 'functions.Bash:0', 'toolu_X', 'call 9'];

const text = fc.oneof(
  fc.constantFrom('', ' ', '\n', '\t ', 'hello', 'trailing ', 'END'),
  fc.string({ maxLength: 12 }),
);
const textParts = fc.array(fc.record({ type: fc.constant('text'), text }), { minLength: 1, maxLength: 3 });
const userPart = fc.oneof(
  fc.record({ type: fc.constant('text'), text }),
  fc.constant({ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }),
  fc.constant({ type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } }),
  fc.constant({
    type: 'file',
    file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' },
  }),
);
const toolCall = fc.record({
  id: fc.constantFrom(...IDS),
  type: fc.constant('function'),
  function: fc.record({
    name: fc.constantFrom(...TOOL_NAMES),
    arguments: fc.constantFrom('', '{}', '{"city":"Paris"}', '{"a":', '[1,2]', 'null', 'garbage'),
  }),
});

const systemMessage = fc.record({
  role: fc.constantFrom('system', 'developer'),
  content: fc.oneof(text, textParts),
});
const userMessage = fc.record({
  role: fc.constant('user'),
  content: fc.oneof(text, fc.array(userPart, { minLength: 1, maxLength: 3 })),
});
const assistantMessage = fc.record(
  {
    role: fc.constant('assistant'),
    content: fc.oneof(fc.constant(null), text, textParts),
    tool_calls: fc.array(toolCall, { maxLength: 3 }),
    reasoning_content: text,
    thinking_blocks: fc.constant([{ type: 'thinking', thinking: 'I think.', signature: 'sig' }]),
  },
  { requiredKeys: ['role', 'content'] },
);
const toolMessage = fc.record({
  role: fc.constant('tool'),
  tool_call_id: fc.constantFrom(...IDS),
  content: fc.oneof(text, textParts),
});

const messages = fc
  .tuple(
    fc.array(fc.oneof(systemMessage, userMessage, assistantMessage, toolMessage, toolMessage), {
      maxLength: 10,
    }),
    fc.nat(),
  )
  .map(([list, at]) => {
    const copy: unknown[] = [...list];
    // At least one message with real content, somewhere.
    copy.splice(at % (list.length + 1), 0, { role: 'user', content: 'What is the weather?' });
    return copy;
  });

export const openAiRequestArbitrary = fc
  .record(
    {
      messages,
      toolNames: fc.subarray([...TOOL_NAMES]),
      max_tokens: fc.integer({ min: 1, max: 200_000 }),
      max_completion_tokens: fc.integer({ min: 1, max: 200_000 }),
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      stop: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 4 })),
      n: fc.constant(1),
      stream: fc.boolean(),
      stream_options: fc.constant({ include_usage: true }),
      tool_choice: fc.oneof(fc.constantFrom('auto', 'none', 'required'), fc.constant('named')),
      parallel_tool_calls: fc.boolean(),
      response_format: fc.constantFrom(
        { type: 'text' },
        { type: 'json_object' },
        {
          type: 'json_schema',
          json_schema: { name: 's', schema: { type: 'object', properties: { a: { type: 'string' } } } },
        },
        {
          type: 'json_schema',
          json_schema: { name: 's', schema: { type: 'array', items: { type: 'number' } } },
        },
      ),
      reasoning_effort: fc.constantFrom('none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'),
      user: fc.constantFrom('user-1', 'someone@example.com'),
      presence_penalty: fc.double({ min: -2, max: 2, noNaN: true }),
      seed: fc.integer(),
      logprobs: fc.boolean(),
    },
    { requiredKeys: ['messages', 'toolNames'] },
  )
  .map(({ toolNames, tool_choice, ...rest }) => {
    const body: Record<string, unknown> = { model: 'claude-sonnet-4-5', ...rest };
    if (toolNames.length > 0) {
      body.tools = toolNames.map((name) => ({
        type: 'function',
        function: { name, parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      }));
      if (tool_choice !== undefined) {
        body.tool_choice =
          tool_choice === 'named' ? { type: 'function', function: { name: toolNames[0] } } : tool_choice;
      }
    }
    return body;
  });
