import { assertValidOpenAi } from '@switchboard/testing/openai-schema.validator';

/** A converted Response (toward a Responses client) whose only output is this custom tool call. */
export function expectOnlyCustomToolCall(
  response: Record<string, unknown>,
  call: { callId: string; name: string; input: string },
): void {
  assertValidOpenAi('Response', response);
  expect(response.output).toEqual([
    {
      type: 'custom_tool_call',
      id: expect.stringMatching(/^ctc_/),
      call_id: call.callId,
      name: call.name,
      input: call.input,
    },
  ]);
}
