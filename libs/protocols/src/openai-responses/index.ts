export * from './responses.types';
export * from './responses-ids';
export * from './responses-events';
export * from './responses-errors';
export * from './reasoning-carrier';
export * from './responses.usage';
export * from './responses.stream-watcher';
export * from './responses.grammar';
