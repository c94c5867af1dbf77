import { useMemo, useState } from 'preact/hooks';
import { readCost, type GroupBy, type StatsGroup, type StatsGroupKey } from '../api';
import { Chart } from '../components/chart';
import { ClientSnippet, EmptyState, ErrorNotice } from '../components/notices';
import { RangePicker } from '../components/range-picker';
import { useDashboard } from '../context';
import { fmtCompact, fmtInt, fmtMs, fmtPercent, fmtUsd } from '../format';
import { useLoad } from '../hooks';
import { resolveRange, type TimeRange } from '../range';
import { sumGroups, toSeries } from './overview-series';

const REFRESH_MS = 5000;

export function OverviewPage() {
  const { api } = useDashboard();
  const [range, setRange] = useState<TimeRange>({ preset: '1h' });

  const load = async () => {
    const { since, until, step, stepSeconds } = resolveRange(range);
    const dims: GroupBy[] = ['route', 'model', 'instance', 'key'];
    const [total, buckets, ...tops] = await Promise.all([
      api.stats(since, until, 'none'),
      api.timeseries(since, until, step, 'none'),
      ...dims.map((dim) => api.stats(since, until, dim).catch(() => null)),
    ]);
    return {
      total,
      series: toSeries(buckets, stepSeconds),
      tops: tops as Array<{ groups: StatsGroup[] } | null>,
    };
  };
  const { data, error } = useLoad(load, [range.preset, range.from, range.to], REFRESH_MS);
  const total = useMemo(() => data && sumGroups(data.total.groups), [data]);
  const head = data?.total.groups[0];

  return (
    <section aria-labelledby="overview-title">
      <header class="page-head">
        <h2 id="overview-title">Overview</h2>
        <RangePicker value={range} onChange={setRange} />
      </header>
      <ErrorNotice error={error} what="traffic statistics" />
      {total && head === undefined && (
        <EmptyState title="No traffic in this range">
          <p>Point an OpenAI or Anthropic client at the gateway with a model one of your routes serves:</p>
          <ClientSnippet />
        </EmptyState>
      )}
      <div class="tiles" aria-live="polite">
        <Tile label="Requests" value={fmtInt(total?.requests)} />
        <Tile label="Error rate" value={total ? fmtPercent(total.e4xx + total.e5xx, total.requests) : '—'} />
        <Tile label="5xx" value={fmtInt(total?.e5xx)} />
        <Tile label="429" value={fmtInt(total?.e429)} />
        <Tile label="Latency p50 / p95 / p99" value={head ? ms3(head.latency_ms) : '—'} />
        <Tile
          label="TTFT p50 / p95"
          value={head ? `${fmtMs(head.ttfb_ms.p50)} / ${fmtMs(head.ttfb_ms.p95)}` : '—'}
        />
        <Tile
          label="Tokens in / out"
          value={total ? `${fmtCompact(total.input)} / ${fmtCompact(total.output)}` : '—'}
        />
        <Tile label="Cache reads" value={fmtCompact(total?.cacheRead)} />
        <Tile label="Fallbacks" value={fmtInt(total?.fallbacks)} />
        {total?.cost != null && <Tile label="Cost" value={fmtUsd(total.cost)} />}
      </div>
      {data && (
        <div class="charts">
          <Chart
            title="Requests per second by status"
            unit="req/s"
            series={[
              { label: '2xx/3xx', color: '#1a7f37' },
              { label: '4xx', color: '#9a6700' },
              { label: '429', color: '#8250df' },
              { label: '5xx', color: '#cf222e' },
            ]}
            data={data.series.rate}
          />
          <Chart
            title="Latency and time to first token"
            unit="ms"
            series={[
              { label: 'p50', color: '#0969da' },
              { label: 'p95', color: '#9a6700' },
              { label: 'p99', color: '#cf222e' },
              { label: 'TTFT p50', color: '#0969da', dash: true },
              { label: 'TTFT p95', color: '#9a6700', dash: true },
            ]}
            data={data.series.latency}
          />
          <Chart
            title="Tokens"
            unit="tokens"
            series={[
              { label: 'input', color: '#0969da' },
              { label: 'output', color: '#1a7f37' },
              { label: 'cache read', color: '#8250df', dash: true },
            ]}
            data={data.series.tokens}
          />
          <Chart
            title="Fallbacks"
            unit="attempts"
            series={[{ label: 'fallbacks', color: '#cf222e' }]}
            data={data.series.fallbacks}
          />
        </div>
      )}
      {data && (
        <div class="tops">
          {(['route', 'model', 'instance', 'key'] as const).map((dim, index) => (
            <TopTable key={dim} dimension={dim} groups={data.tops[index]?.groups ?? null} />
          ))}
        </div>
      )}
    </section>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div class="tile">
      <div class="tile-label">{label}</div>
      <div class="tile-value">{value}</div>
    </div>
  );
}

const ms3 = (p: StatsGroup['latency_ms']) => `${fmtMs(p.p50)} / ${fmtMs(p.p95)} / ${fmtMs(p.p99)}`;

type Dimension = 'route' | 'model' | 'instance' | 'key';

function TopTable({ dimension, groups }: { dimension: Dimension; groups: StatsGroup[] | null }) {
  const top = (groups ?? [])
    .slice()
    .sort((a, b) => b.requests - a.requests)
    .slice(0, 5);
  const priced = top.some((group) => readCost(group.cost) !== null);
  return (
    <table class="top">
      <caption>Top {dimension}s</caption>
      <thead>
        <tr>
          <th scope="col">{dimension}</th>
          <th scope="col">Requests</th>
          <th scope="col">Errors</th>
          <th scope="col">p95</th>
          {priced && <th scope="col">Cost</th>}
        </tr>
      </thead>
      <tbody>
        {top.length === 0 && (
          <tr>
            <td colSpan={priced ? 5 : 4}>{groups === null ? 'Not available' : 'No traffic'}</td>
          </tr>
        )}
        {top.map((group) => (
          <tr key={JSON.stringify(group.group)}>
            <td>{groupLabel(group.group, dimension)}</td>
            <td>{fmtInt(group.requests)}</td>
            <td>{fmtPercent(group.errors['4xx'] + group.errors['5xx'], group.requests)}</td>
            <td>{fmtMs(group.latency_ms.p95)}</td>
            {priced && <td>{fmtUsd(readCost(group.cost))}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function groupLabel(group: StatsGroupKey, dimension: Dimension): string {
  switch (dimension) {
    case 'instance':
      return `${group.route ?? '(no route)'} / ${group.instance ?? '—'}`;
    case 'key':
      // A key deleted since keeps its id; requests without a key (GATEWAY_AUTH=none) have neither.
      return group.key_name ?? group.key_id ?? '(no key)';
    case 'route':
      return group.route ?? '(no route)';
    case 'model':
      return group.model ?? '(none)';
  }
}
