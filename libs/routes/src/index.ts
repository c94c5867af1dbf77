export * from './route.types';
export * from './route-change.bus';
export * from './route-table/route-table';
export * from './route-table/route-table.module';
export * from './admin/routes-admin.module';
