export * from './errors';
export * from './nest';
export * from './http';
