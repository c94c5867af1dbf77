import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { responsesToOpenAiConverter } from './index';
import { describeResponsesMatrix, fixtureIn } from './testing/responses-matrix';

describeResponsesMatrix({
  direction: 'responses-to-openai',
  converter: responsesToOpenAiConverter,
  target: { provider: 'openai' },
  validUpstream: (body) => validateOpenAi('CreateChatCompletionRequest', body, 'official'),
  upstreamResponse: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-5',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'Hi',
          reasoning_content: 'Hmm.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'mcp__fs__read_file', arguments: '{}' } },
            {
              id: 'call_2',
              type: 'function',
              function: { name: 'apply_patch', arguments: '{"input":"*** Begin Patch"}' },
            },
          ],
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage: {
      prompt_tokens: 9,
      completion_tokens: 4,
      total_tokens: 13,
      prompt_tokens_details: { cached_tokens: 2 },
      completion_tokens_details: { reasoning_tokens: 1 },
    },
  },
  streamFixtures: [
    'reasoning-text-tool.chat.sse',
    'multi-tool.chat.sse',
    'custom-tool.chat.sse',
    'error-mid-stream.chat.sse',
  ].map((name) => fixtureIn(__dirname, name)),
});
