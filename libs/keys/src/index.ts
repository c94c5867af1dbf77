export * from './consumer-key.types';
export * from './material/consumer-key.secret';
export * from './gate/consumer-key.gate';
export * from './usage/key-usage.settler';
export * from './registry/key-change.bus';
export * from './keys-gate.module';
export * from './admin/keys-admin.module';
