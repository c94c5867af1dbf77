export * from './route.types';
export * from './route-change.bus';
