export * from './protocol';
export * from './sse/sse-event';
