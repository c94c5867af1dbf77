export * from './app-config';
export * from './byte-size';
export * from './config.error';
export * from './load-config';
