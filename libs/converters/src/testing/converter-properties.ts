import { GatewayError } from '@switchboard/common/errors';
import fc from 'fast-check';
import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import type { StreamRun } from './stream-run';

/** Runs `action`; a GatewayError is an accepted outcome, any other throw fails the property. */
export function onlyGatewayErrors(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
  }
}

const anyJsonFields = (names: readonly string[]): Record<string, fc.Arbitrary<unknown>> =>
  Object.fromEntries(names.map((name) => [name, fc.jsonValue()]));

/**
 * Arbitrary JSON, part of it shaped like a Chat Completions request whose messages have the given roles and whose
 * listed fields (message fields besides role/content/tool_calls/tool_call_id, and top-level fields) hold any JSON.
 */
export function chatRequestLikeJson(shape: {
  roles: readonly string[];
  messageFields?: readonly string[];
  fields: readonly string[];
}): fc.Arbitrary<unknown> {
  const message = fc.record(
    {
      role: fc.constantFrom(...shape.roles),
      ...anyJsonFields(['content', 'tool_calls', 'tool_call_id', ...(shape.messageFields ?? [])]),
    },
    { requiredKeys: ['role'] },
  );
  return fc.oneof(
    fc.jsonValue(),
    fc.record({ model: fc.string(), messages: fc.jsonValue() }),
    fc.record(
      { model: fc.constant('m'), messages: fc.array(message), ...anyJsonFields(shape.fields) },
      { requiredKeys: ['model', 'messages'] },
    ),
  );
}

/** A stream toward a Chat client: fails only with GatewayError, every chunk valid, `[DONE]` last. */
export function expectValidChatClientStream(run: StreamRun): void {
  if (run.error !== undefined) expect(run.error).toBeInstanceOf(GatewayError);
  for (const event of run.events) {
    if (event.data === '[DONE]' || event.data.startsWith('{"error"')) continue;
    expect(validateOpenAi('CreateChatCompletionStreamResponse', JSON.parse(event.data))).toEqual([]);
  }
  expect(run.events.at(-1)).toEqual({ data: '[DONE]' });
}
