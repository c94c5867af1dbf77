export * from './log-levels';
export * from './started-app';
