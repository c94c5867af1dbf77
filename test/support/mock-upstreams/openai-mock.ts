import { MockUpstream, type MockUpstreamOptions } from './mock-upstream';
import { OpenAiDialect, type OpenAiBodyValidator } from './openai-dialect';
import { reply } from './reply-spec';

export type OpenAiMock = MockUpstream;

export interface OpenAiMockOptions extends MockUpstreamOptions {
  /** Official-schema check of each request body (returns the problem, or undefined when valid). */
  schemaValidator?: OpenAiBodyValidator;
}

/**
 * A loopback OpenAI Chat Completions API: serves `POST …/chat/completions` (JSON or SSE, as the request asks)
 * under any base path. Answers "1 + 1 = 2" by default.
 */
export function startOpenAiMock(options: OpenAiMockOptions = {}): Promise<OpenAiMock> {
  return new MockUpstream(
    new OpenAiDialect(options.schemaValidator),
    reply.text('1 + 1 = 2'),
    options,
  ).listen();
}
