export * from './data-dir.lock';
export * from './data-source.factory';
export * from './database-connection';
export * from './embedded-postgres';
export * from './database-unavailable';
export * from './advisory-lock';
