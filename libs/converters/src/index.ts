export * from './converter.interface';
export * from './converter.registry';
export * from './identity/identity.converter';
export { openAiToAnthropicConverter } from './openai-to-anthropic';
export { openAiToResponsesConverter } from './openai-to-responses';
export { anthropicToOpenAiConverter } from './anthropic-to-openai';
export { responsesToOpenAiConverter, droppedToolsOf } from './responses-to-openai';
export { responsesToAnthropicConverter } from './responses-to-anthropic';
export { responsesIdentityConverter } from './responses-passthrough';
