import { validateOpenAi } from '../openai-schema.validator';
import { MockUpstream, type MockUpstreamOptions } from './mock-upstream';
import { OpenAiDialect, type OpenAiBodyValidator } from './openai-dialect';
import { reply } from './reply-spec';

export type OpenAiMock = MockUpstream;

export interface OpenAiMockOptions extends MockUpstreamOptions {
  /**
   * Schema check of each request body (returns the problem, or undefined when valid). Default: the official
   * CreateChatCompletionRequest schema, undeclared properties rejected as the API does.
   */
  schemaValidator?: OpenAiBodyValidator;
}

/**
 * A loopback OpenAI Chat Completions API: serves `POST …/chat/completions` (JSON or SSE, as the request asks)
 * under any base path. Answers "1 + 1 = 2" by default.
 */
export function startOpenAiMock(options: OpenAiMockOptions = {}): Promise<OpenAiMock> {
  const validator = options.schemaValidator ?? officialRequestSchema;
  return new MockUpstream(new OpenAiDialect(validator), reply.text('1 + 1 = 2'), options).listen();
}

function officialRequestSchema(body: unknown): string | undefined {
  const problems = validateOpenAi('CreateChatCompletionRequest', body, 'strict');
  return problems.length > 0 ? `Invalid request: ${problems.join('; ')}` : undefined;
}
