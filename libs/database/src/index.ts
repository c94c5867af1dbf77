export * from './core';
export * from './core.module';
export * from './data-dir.lock';
export * from './data-source.factory';
export * from './database-connection';
export * from './embedded-postgres';
export * from './schema';
