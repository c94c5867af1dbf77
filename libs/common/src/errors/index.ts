export * from './gateway-error-code.enum';
export * from './gateway.error';
