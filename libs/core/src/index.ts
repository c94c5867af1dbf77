export * from './core';
export * from './core.module';
export * from './replica';
export * from './schema';
