export * from './types';
export { AdminClient, ApiError, toQuery, type ClientHooks } from './client';
export { adminApi, routeFilterValue, type AdminApi } from './endpoints';
export { readCost, readTimeseries, toEpochSeconds } from './normalize';
