import { validateAnthropicRequest } from '@switchboard/testing/anthropic-request.validator';
import { describeResponsesMatrix, fixtureIn } from '../responses-to-openai/testing/responses-matrix';
import { responsesToAnthropicConverter } from './index';

describeResponsesMatrix({
  direction: 'responses-to-anthropic',
  converter: responsesToAnthropicConverter,
  target: { provider: 'anthropic' },
  validUpstream: validateAnthropicRequest,
  upstreamResponse: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content: [
      { type: 'thinking', thinking: 'Hmm.', signature: 'sig' },
      { type: 'text', text: 'Hi' },
      { type: 'tool_use', id: 'toolu_1', name: 'mcp__fs__read_file', input: { a: 1 } },
      { type: 'tool_use', id: 'toolu_2', name: 'apply_patch', input: { input: '*** Begin Patch' } },
    ],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 3, output_tokens: 9, cache_read_input_tokens: 4, cache_creation_input_tokens: 5 },
  },
  streamFixtures: [
    'thinking-text-tool.anthropic.sse',
    'namespaced-tool.anthropic.sse',
    'custom-tool.anthropic.sse',
    'error-mid-stream.anthropic.sse',
  ].map((name) => fixtureIn(__dirname, name)),
});
