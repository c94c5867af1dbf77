export * from './openai-chat.types';
export * from './openai-chat.errors';
export * from './openai-chat.stream';
export * from './openai-chat.chunk-encoder';
export * from './openai-chat.usage';
export * from './openai-chat.content';
export * from './openai-chat.stream-watcher';
export * from './openai-chat.grammar';
