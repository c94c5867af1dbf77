export * from './assert-unreachable';
export * from './gateway-error-code.enum';
export * from './gateway-error-status';
export * from './gateway.error';
