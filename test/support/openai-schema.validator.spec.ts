import * as fs from 'node:fs';
import { extractOpenAiSchemas } from '../fixtures/extract-openai-schemas';
import committed from '../fixtures/openai-schemas.json';
import { validateOpenAi } from './openai-schema.validator';

const REFERENCE = '/work/shared/reference/openai-openapi.json';

const response = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1767225600,
  model: 'claude-sonnet-4-5',
  choices: [
    {
      index: 0,
      logprobs: null,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: 'Checking.',
        refusal: null,
        reasoning_content: 'Need weather.',
        tool_calls: [
          {
            id: 'toolu_01X',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
    },
  ],
  usage: {
    prompt_tokens: 2060,
    completion_tokens: 57,
    total_tokens: 2117,
    prompt_tokens_details: { cached_tokens: 2048 },
  },
};

const chunk = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1767225600,
  model: 'claude-sonnet-4-5',
  choices: [
    { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] }, finish_reason: null },
  ],
};

describe('OpenAI schema validator', () => {
  it('accepts valid responses, chunks and requests', () => {
    expect(validateOpenAi('CreateChatCompletionResponse', response)).toEqual([]);
    expect(validateOpenAi('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
    expect(
      validateOpenAi('CreateChatCompletionStreamResponse', { ...chunk, choices: [], usage: response.usage }),
    ).toEqual([]);
    expect(
      validateOpenAi('CreateChatCompletionRequest', {
        model: 'gpt',
        messages: [{ role: 'user', content: 'hi' }],
        n: 1,
      }),
    ).toEqual([]);
  });

  it('rejects missing required fields and wrong enum values', () => {
    const { refusal: _refusal, ...message } = response.choices[0]!.message;
    expect(
      validateOpenAi('CreateChatCompletionResponse', {
        ...response,
        choices: [{ ...response.choices[0], message }],
      }),
    ).not.toEqual([]);
    expect(
      validateOpenAi('CreateChatCompletionResponse', {
        ...response,
        choices: [{ ...response.choices[0], finish_reason: 'end_turn' }],
      }),
    ).not.toEqual([]);
  });

  it('in strict mode rejects undeclared fields that the official schema tolerates', () => {
    const withTypo = { ...chunk, choices: [{ ...chunk.choices[0], delta: { contnet: 'x' } }] };
    expect(validateOpenAi('CreateChatCompletionStreamResponse', withTypo, 'official')).toEqual([]);
    expect(validateOpenAi('CreateChatCompletionStreamResponse', withTypo)).not.toEqual([]);
  });

  const referenceExists = fs.existsSync(REFERENCE);
  (referenceExists ? it : it.skip)('the committed fixture is what the extraction script produces', () => {
    const openapi = JSON.parse(fs.readFileSync(REFERENCE, 'utf8')) as Record<string, unknown>;
    expect(extractOpenAiSchemas(openapi)).toEqual(committed);
  });
});
