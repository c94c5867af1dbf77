export * from './stored-response';
export * from './responses-store.error';
export * from './history-expander';
export * from './input-item-ids';
export * from './store/responses.store';
export type { SqlRunner } from './store/responses-sql';
