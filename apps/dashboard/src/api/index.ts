export * from './types';
export { AdminClient, ApiError, toQuery, type ClientHooks } from './client';
export { adminApi, routeFilterValue, type AdminApi } from './endpoints';
export { readReplicas, readTimeseries, toEpochSeconds } from './normalize';
