export * from './errors';
export * from './nest';
