import { type AdminClient } from './client';
import { readTimeseries } from './normalize';
import type {
  CreateKeyBody,
  CreatedKey,
  GroupBy,
  KeyView,
  Page,
  ReplicaList,
  RequestDetailView,
  RequestFilters,
  RequestView,
  RouteHealth,
  RouteView,
  StatsResponse,
  Step,
  TimeBucket,
  TimeseriesResponse,
} from './types';

/** Every admin endpoint the dashboard calls, with its path and query names. */
export function adminApi(client: AdminClient) {
  const enc = encodeURIComponent;
  return {
    /** Sign-in check: any GET every role may do. */
    verifyToken: () => client.get<Page<RouteView>>('/admin/routes', { page: 1, page_size: 1 }),

    listRoutes: (page = 1, pageSize = 100) =>
      client.get<Page<RouteView>>('/admin/routes', { page, page_size: pageSize }),
    getRoute: (id: string) => client.get<RouteView>(`/admin/routes/${enc(id)}`),
    routeHealth: (id: string) => client.get<RouteHealth>(`/admin/routes/${enc(id)}/health`),
    createRoute: (body: unknown) => client.send<RouteView>('POST', '/admin/routes', body),
    replaceRoute: (id: string, body: unknown) =>
      client.send<RouteView>('PUT', `/admin/routes/${enc(id)}`, body),
    patchRoute: (id: string, body: unknown) =>
      client.send<RouteView>('PATCH', `/admin/routes/${enc(id)}`, body),

    listRequests: (filters: RequestFilters, page: number, pageSize: number) =>
      client.get<Page<RequestView>>('/admin/requests', { ...filters, page, page_size: pageSize }),
    getRequest: (id: string) => client.get<RequestDetailView>(`/admin/requests/${enc(id)}`),

    stats: (since: string, until: string, groupBy: GroupBy) =>
      client.get<StatsResponse>('/admin/stats', { since, until, group_by: groupBy }),
    timeseries: async (since: string, until: string, step: Step, groupBy: GroupBy): Promise<TimeBucket[]> =>
      readTimeseries(
        await client.get<TimeseriesResponse>('/admin/stats/timeseries', {
          since,
          until,
          step,
          group_by: groupBy,
        }),
      ),

    replicas: async () => (await client.get<ReplicaList>('/admin/replicas')).items,

    listKeys: (page = 1, pageSize = 100) =>
      client.get<Page<KeyView>>('/admin/keys', { page, page_size: pageSize }),
    createKey: (body: CreateKeyBody) => client.send<CreatedKey>('POST', '/admin/keys', body),
    patchKey: (id: string, body: Partial<CreateKeyBody>) =>
      client.send<KeyView>('PATCH', `/admin/keys/${enc(id)}`, body),
    revokeKey: (id: string) => client.send<void>('DELETE', `/admin/keys/${enc(id)}`),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/** Route filter for /admin/requests and the `route` of a stats group: the route's name. */
export const routeFilterValue = (route: RouteView): string => route.name;
