export * from './converter.interface';
