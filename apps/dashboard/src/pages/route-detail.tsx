import { useEffect, useState } from 'preact/hooks';
import {
  type ApiError,
  type InstanceView,
  readCost,
  routeFilterValue,
  type RouteView,
  type StatsGroup,
} from '../api';
import { Badge, ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { fmtInt, fmtMs, fmtPercent, fmtUsd } from '../format';
import { toApiError, useLoad } from '../hooks';
import { resolveRange } from '../range';
import { RequestTable } from './request-table';
import { BreakerBadge } from './routes';

interface Draft {
  weight: string;
  priority: string;
  enabled: boolean;
}

/** One route: instances with live breaker state, quick edits, traffic per instance (1 h), recent requests. */
export function RouteDetailPage({ id }: { id: string }) {
  const { api, canWrite } = useDashboard();
  const route = useLoad(() => api.getRoute(id), [id]);
  const health = useLoad(() => api.routeHealth(id), [id], 5000);
  const name = route.data ? routeFilterValue(route.data) : undefined;
  const traffic = useLoad(
    async () => {
      if (!route.data) return null;
      const { since, until } = resolveRange({ preset: '1h' });
      const stats = await api.stats(since, until, 'instance');
      return stats.groups.filter((group) => group.group.route === name);
    },
    [name],
    5000,
  );
  const recent = useLoad(
    async () => (name ? (await api.listRequests({ route: name }, 1, 10)).items : null),
    [name],
    5000,
  );
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saveError, setSaveError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (route.data) setDrafts(toDrafts(route.data.instances));
  }, [route.data]);

  if (!route.data) {
    return (
      <section aria-labelledby="route-title">
        <h2 id="route-title">Route {id}</h2>
        <ErrorNotice error={route.error} what={`route ${id}`} />
      </section>
    );
  }
  const current = route.data;

  const write = async (body: unknown, message: string) => {
    setSaveError(undefined);
    setSaved('');
    try {
      await api.patchRoute(current.id, body);
      setSaved(message);
      route.reload();
    } catch (caught) {
      setSaveError(toApiError(caught));
    }
  };
  const saveInstances = () =>
    write(
      {
        instances: current.instances.map((instance) => ({
          ...instance,
          weight: Number(drafts[instance.name].weight),
          priority: Number(drafts[instance.name].priority),
          enabled: drafts[instance.name].enabled,
        })),
      },
      'Instances saved.',
    );
  const setDraft = (instance: string, change: Partial<Draft>) =>
    setDrafts({ ...drafts, [instance]: { ...drafts[instance], ...change } });

  return (
    <section aria-labelledby="route-title">
      <header class="page-head">
        <h2 id="route-title">
          Route {current.name}{' '}
          {current.enabled ? <Badge tone="ok">enabled</Badge> : <Badge tone="muted">disabled</Badge>}
        </h2>
        <div class="actions">
          {canWrite && (
            <button type="button" onClick={() => write({ enabled: !current.enabled }, 'Route updated.')}>
              {current.enabled ? 'Disable route' : 'Enable route'}
            </button>
          )}
          {canWrite && (
            <a class="button" href={`#/routes/${encodeURIComponent(current.id)}/edit`}>
              Edit JSON
            </a>
          )}
        </div>
      </header>
      <p class="muted">
        Models: {current.models.join(', ')} · version {current.version} · id <code>{current.id}</code>
      </p>
      <ErrorNotice error={saveError} what="the change (nothing was saved)" />
      {saved && (
        <p class="notice notice-ok" role="status">
          {saved}
        </p>
      )}
      <ErrorNotice error={health.error} what="breaker state" />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveInstances();
        }}
      >
        <div class="table-wrap">
          <table>
            <caption>Instances</caption>
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Provider / protocol</th>
                <th scope="col">Priority</th>
                <th scope="col">Weight</th>
                <th scope="col">Enabled</th>
                <th scope="col">Breaker</th>
              </tr>
            </thead>
            <tbody>
              {current.instances.map((instance) => {
                const draft = drafts[instance.name] ?? toDraft(instance);
                const breaker = health.data?.instances.find((one) => one.name === instance.name);
                return (
                  <tr key={instance.name}>
                    <th scope="row">{instance.name}</th>
                    <td>
                      {instance.provider} <span class="muted">/ {instance.protocol}</span>
                    </td>
                    <td>
                      <NumberCell
                        label={`Priority of ${instance.name}`}
                        value={draft.priority}
                        editable={canWrite}
                        onInput={(priority) => setDraft(instance.name, { priority })}
                      />
                    </td>
                    <td>
                      <NumberCell
                        label={`Weight of ${instance.name}`}
                        value={draft.weight}
                        editable={canWrite}
                        onInput={(weight) => setDraft(instance.name, { weight })}
                      />
                    </td>
                    <td>
                      {canWrite ? (
                        <input
                          type="checkbox"
                          aria-label={`${instance.name} enabled`}
                          checked={draft.enabled}
                          onChange={(event) =>
                            setDraft(instance.name, { enabled: event.currentTarget.checked })
                          }
                        />
                      ) : instance.enabled ? (
                        'yes'
                      ) : (
                        'no'
                      )}
                    </td>
                    <td>
                      <BreakerBadge state={breaker?.state} />
                      {breaker && breaker.consecutive_failures > 0 && (
                        <span class="muted"> {breaker.consecutive_failures} failures</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {canWrite && (
          <div class="actions">
            <button type="submit" class="primary">
              Save instances
            </button>
            <button type="button" onClick={() => setDrafts(toDrafts(current.instances))}>
              Reset
            </button>
          </div>
        )}
      </form>
      <h3>Traffic per instance (last hour)</h3>
      <p class="muted">
        Each request counts on the instance that answered it; attempts that failed before a fallback show in
        its Fallbacks column, on the request's timeline and in the breaker state above.
      </p>
      <ErrorNotice error={traffic.error} what="traffic per instance" />
      {traffic.data && <TrafficTable groups={traffic.data} route={current} />}
      <h3>Recent requests</h3>
      <ErrorNotice error={recent.error} what="recent requests" />
      {recent.data && <RequestTable requests={recent.data} caption={`Recent requests of ${current.name}`} />}
    </section>
  );
}

function TrafficTable({ groups, route }: { groups: StatsGroup[]; route: RouteView }) {
  const priced = groups.some((group) => readCost(group.cost) !== null);
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">Traffic per instance of {route.name}</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Requests</th>
            <th scope="col">Errors</th>
            <th scope="col">Fallbacks</th>
            <th scope="col">p50 / p95</th>
            {priced && <th scope="col">Cost</th>}
          </tr>
        </thead>
        <tbody>
          {groups.length === 0 && (
            <tr>
              <td colSpan={priced ? 6 : 5}>
                No traffic in the last hour. Send a request for {route.models[0]}.
              </td>
            </tr>
          )}
          {groups.map((group) => (
            <tr key={group.group.instance}>
              <td>{group.group.instance}</td>
              <td>{fmtInt(group.requests)}</td>
              <td>{fmtPercent(group.errors['4xx'] + group.errors['5xx'], group.requests)}</td>
              <td>{fmtInt(group.fallbacks)}</td>
              <td>
                {fmtMs(group.latency_ms.p50)} / {fmtMs(group.latency_ms.p95)}
              </td>
              {priced && <td>{fmtUsd(readCost(group.cost))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NumberCell(props: {
  label: string;
  value: string;
  editable: boolean;
  onInput(value: string): void;
}) {
  if (!props.editable) return <span>{props.value}</span>;
  return (
    <input
      class="narrow"
      type="number"
      min={0}
      step={1}
      aria-label={props.label}
      value={props.value}
      onInput={(event) => props.onInput(event.currentTarget.value)}
    />
  );
}

const toDraft = (instance: InstanceView): Draft => ({
  weight: String(instance.weight),
  priority: String(instance.priority),
  enabled: instance.enabled,
});

const toDrafts = (instances: RouteView['instances']) =>
  Object.fromEntries(instances.map((instance) => [instance.name, toDraft(instance)]));
