export * from './anthropic-messages.types';
export * from './anthropic-messages.errors';
export * from './anthropic-messages.stream';
export * from './anthropic-messages.usage';
export * from './anthropic-messages.stream-watcher';
export * from './anthropic-messages.grammar';
export * from './anthropic-messages.event-data';
