export * from './route.types';
export * from './route-change.bus';
export * from './matching/glob';
export * from './matching/route-matcher';
export * from './route-table/route-table';
export * from './route-table/route-table.module';
export * from './admin/routes-admin.module';
export * from './admin/routes-admin.service';
export * from './admin/route-view';
export * from './persistence/route.repository';
export * from './validation/route-input';
export {
  validateRouteBody,
  nativeProtocol,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_CIRCUIT_BREAKER,
} from './validation/route-validator';
export * from './validation/dto/route-body.dto';
export * from './validation/dto/instance-body.dto';
export * from './validation/dto/instance-auth.dto';
export * from './validation/dto/instance-override.dto';
export * from './validation/dto/balancer.dto';
export * from './validation/dto/circuit-breaker.dto';
export * from './admin/route-model-warnings';
