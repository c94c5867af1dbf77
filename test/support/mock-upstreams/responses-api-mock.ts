import { MockUpstream, type MockUpstreamOptions } from './mock-upstream';
import { reply } from './reply-spec';
import { ResponsesApiDialect } from './responses-api-dialect';

export type ResponsesApiMock = MockUpstream;

/**
 * A loopback OpenAI Responses API: serves `POST …/responses` (JSON or SSE, as the request asks) under any base
 * path, and refuses what the real API refuses (schema, unknown fields, `max_output_tokens` < 16, unpaired tool
 * calls and outputs, unknown forced tool, reasoning items it cannot verify under `store: false`). Answers
 * "1 + 1 = 2" by default.
 */
export function startResponsesApiMock(options: MockUpstreamOptions = {}): Promise<ResponsesApiMock> {
  return new MockUpstream(new ResponsesApiDialect(), reply.text('1 + 1 = 2'), options).listen();
}
