import { AnthropicDialect } from './anthropic-dialect';
import { MockUpstream, type MockUpstreamOptions } from './mock-upstream';
import { reply } from './reply-spec';

export type AnthropicMock = MockUpstream;

/**
 * A loopback Anthropic Messages API: serves `POST …/v1/messages` (JSON or SSE, as the request asks) and
 * `POST …/v1/messages/count_tokens` under any base path, so `${url}/anthropic/v1/messages` works as a Foundry
 * endpoint. Answers "2" by default.
 */
export function startAnthropicMock(options: MockUpstreamOptions = {}): Promise<AnthropicMock> {
  return new MockUpstream(new AnthropicDialect(), reply.text('1 + 1 = 2'), options).listen();
}
