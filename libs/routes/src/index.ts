export * from './route.types';
