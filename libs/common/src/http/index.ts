export * from './lingering-close';
export * from './server-limits';
