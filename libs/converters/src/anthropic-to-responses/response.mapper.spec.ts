import { GatewayErrorCode } from '@switchboard/common/errors';
import { decodeReasoningItemCarrier } from '@switchboard/protocols';
import { fixedClock } from '../testing/fixed-clock';
import { anthropicToResponsesConverter as converter } from './index';

const memo = converter.convertRequest(
  {
    model: 'claude-sonnet-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
    tools: [{ name: `mcp__server__${'x'.repeat(70)}`, input_schema: { type: 'object' } }],
  },
  { provider: 'openai' },
  fixedClock(),
).memo;
const longName = `mcp__server__${'x'.repeat(70)}`;
const upstreamName = Object.keys((memo as { toolNames: Record<string, string> }).toolNames)[0] as string;

const response = (over: Record<string, unknown>) => ({
  id: 'resp_1',
  object: 'response',
  created_at: 1,
  status: 'completed',
  model: 'gpt-5.1',
  output: [],
  usage: {
    input_tokens: 150,
    input_tokens_details: { cached_tokens: 100 },
    output_tokens: 40,
    output_tokens_details: { reasoning_tokens: 10 },
    total_tokens: 190,
  },
  ...over,
});

describe('Response → Anthropic message', () => {
  it('maps reasoning, text, refusal-free messages and function calls in order, with cache usage', () => {
    const usage: unknown[] = [];
    const out = converter.convertResponse(
      response({
        output: [
          {
            type: 'reasoning',
            id: 'rs_1',
            summary: [{ type: 'summary_text', text: 'Think.' }],
            encrypted_content: 'blob',
          },
          { type: 'reasoning', id: 'rs_2', summary: [] },
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: 'Hi', annotations: [] }],
          },
          { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: upstreamName, arguments: '{"a":1' },
        ],
      }),
      memo,
      fixedClock(),
      { onUsage: (u) => usage.push(u) },
    ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(out).toMatchObject({
      id: 'msg_id1',
      type: 'message',
      role: 'assistant',
      model: 'gpt-5.1',
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: {
        input_tokens: 50,
        cache_read_input_tokens: 100,
        cache_creation_input_tokens: 0,
        output_tokens: 40,
      },
    });
    expect(out.content).toEqual([
      { type: 'thinking', thinking: 'Think.', signature: expect.stringMatching(/^swbr1:/) },
      { type: 'text', text: 'Hi' },
      { type: 'tool_use', id: 'call_1', name: longName, input: { a: 1 } },
    ]);
    expect(decodeReasoningItemCarrier(out.content[0].signature)).toEqual({
      id: 'rs_1',
      encrypted_content: 'blob',
    });
    expect(usage).toHaveLength(1);
  });

  it.each([
    [{ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }, 'max_tokens'],
    [{ status: 'incomplete', incomplete_details: { reason: 'content_filter' } }, 'refusal'],
    [{ output: [{ type: 'message', content: [{ type: 'refusal', refusal: 'No.' }] }] }, 'refusal'],
    [{}, 'end_turn'],
  ])('%j → stop_reason %s', (over, stop) => {
    expect(converter.convertResponse(response(over), memo, fixedClock()).stop_reason).toBe(stop);
  });

  it('raises a failed response as the upstream error', () => {
    expect(() =>
      converter.convertResponse(
        response({ status: 'failed', error: { code: 'server_error', message: 'boom' } }),
        memo,
        fixedClock(),
      ),
    ).toThrow(expect.objectContaining({ code: GatewayErrorCode.UPSTREAM_ERROR, message: 'boom' }));
  });
});

describe('Responses errors → Anthropic errors', () => {
  it.each([
    [400, 'invalid_request_error', null, 400, 'invalid_request_error'],
    [429, 'insufficient_quota', 'insufficient_quota', 429, 'billing_error'],
    [429, 'rate_limit_error', 'rate_limit_exceeded', 429, 'rate_limit_error'],
    [503, 'server_error', null, 503, 'overloaded_error'],
  ])('%i %s → %i %s', (status, type, code, outStatus, outType) => {
    const out = converter.convertError(status, { error: { message: 'm', type, param: null, code } });
    expect(out).toEqual({
      status: outStatus,
      body: { type: 'error', error: { type: outType, message: 'm' } },
    });
  });
});
