import type { RouteHealth, RouteView } from '../api';
import { Badge, EmptyState, ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { useLoad } from '../hooks';
import { FIRST_ROUTE_EXAMPLE } from './route-example';

/** Every route with its models, instances and live circuit-breaker state (refreshed every 5 s). */
export function RoutesPage() {
  const { api, canWrite } = useDashboard();
  const { data, error } = useLoad(
    async () => {
      const page = await api.listRoutes();
      const health = await Promise.all(
        page.items.map((route) => api.routeHealth(route.id).catch(() => null)),
      );
      return { routes: page.items, total: page.total, health };
    },
    [],
    5000,
  );
  return (
    <section aria-labelledby="routes-title">
      <header class="page-head">
        <h2 id="routes-title">Routes</h2>
        {canWrite && (
          <a class="button" href="#/routes/new">
            New route
          </a>
        )}
      </header>
      <ErrorNotice error={error} what="routes" />
      {data && data.routes.length === 0 && (
        <EmptyState title="No routes yet">
          <p>
            A route maps the model names clients send to upstream instances. Create the first one with{' '}
            {canWrite ? <a href="#/routes/new">New route</a> : 'an admin token'}, starting from this JSON (the
            secret goes under <code>auth</code> and is shown as <code>******</code> from then on):
          </p>
          <pre class="code">{FIRST_ROUTE_EXAMPLE}</pre>
        </EmptyState>
      )}
      {data && data.routes.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Routes ({data.total})</caption>
            <thead>
              <tr>
                <th scope="col">Route</th>
                <th scope="col">Models</th>
                <th scope="col">Enabled</th>
                <th scope="col">Instances (priority · weight · breaker)</th>
              </tr>
            </thead>
            <tbody>
              {data.routes.map((route, index) => (
                <tr key={route.id}>
                  <td>
                    <a href={`#/routes/${encodeURIComponent(route.id)}`}>{route.name}</a>
                  </td>
                  <td>{route.models.join(', ')}</td>
                  <td>
                    {route.enabled ? <Badge tone="ok">enabled</Badge> : <Badge tone="muted">disabled</Badge>}
                  </td>
                  <td>
                    <InstanceSummary route={route} health={data.health[index]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InstanceSummary({ route, health }: { route: RouteView; health: RouteHealth | null }) {
  return (
    <ul class="inline-list">
      {route.instances.map((instance) => {
        const state = health?.instances.find((one) => one.name === instance.name)?.state;
        return (
          <li key={instance.name}>
            {instance.name} <span class="muted">({instance.provider})</span> p{instance.priority} · w
            {instance.weight} {!instance.enabled && <Badge tone="muted">off</Badge>}{' '}
            <BreakerBadge state={state} />
          </li>
        );
      })}
    </ul>
  );
}

export function BreakerBadge({ state }: { state: string | undefined }) {
  if (state === undefined) return <Badge tone="muted">breaker ?</Badge>;
  if (state === 'closed') return <Badge tone="ok">closed</Badge>;
  if (state === 'half_open') return <Badge tone="warn">half-open</Badge>;
  return <Badge tone="bad">open</Badge>;
}
