export * from './proxy.module';
export * from './data-plane.handler';
export * from './data-plane.mount';
export * from './usage/usage-record';
export * from './usage/usage.stream';
export * from './health/circuit-breaker';
export * from './health/instance-health.registry';
export * from './health/instance-health.module';
export * from './health/instance-health.controller';
export * from './routing/route-plan';
export * from './routing/route-plan.cache';
export * from './upstream/upstream-client';
export type {
  AttemptRecord,
  AttemptOutcome as RecordAttemptOutcome,
  DataPlaneEndpoint,
  RecordError,
  RequestRecord,
  TokenCounts,
} from './record/request-record';
export * from './record/request-record.bus';
