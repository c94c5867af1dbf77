export { startAnthropicMock, type AnthropicMock } from './anthropic-mock';
export { startOpenAiMock, type OpenAiMock, type OpenAiMockOptions } from './openai-mock';
export { startResponsesApiMock, type ResponsesApiMock } from './responses-api-mock';
export { MockUpstream, type MockUpstreamOptions } from './mock-upstream';
export { closedPortUrl, delay } from './loopback';
export {
  reply,
  type ReplySpec,
  type AssistantTurn,
  type ScriptedToolCall,
  type StreamBreak,
} from './reply-spec';
export type { RecordedRequest } from './recorded-request';
