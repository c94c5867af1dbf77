import type { Registry } from 'prom-client';

export type Labels = Readonly<Record<string, string>>;

/** The value entries prom-client's registry formats (the shape its own Counter and Histogram return). */
interface MetricValue {
  value: number;
  labels: Record<string, string | number>;
  sharedLabels?: Labels;
  metricName?: string;
  exemplar?: null;
}

interface MetricData {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: MetricValue[];
  aggregator: 'sum';
}

interface CounterSeries {
  readonly labels: Labels;
  value: number;
}

interface HistogramSeries {
  readonly labels: Labels;
  /** Observations per bound (not cumulative); values above the last bound are only in `count`. */
  readonly perBound: number[];
  sum: number;
  count: number;
}

/**
 * Counters and histograms summed in plain Maps on the request path and turned into prom-client's value entries
 * only when the registry is scraped. The caller names each series by a key that identifies its label set (cheap
 * string concatenation instead of prom-client's per-call label validation, key sort and hash); the exposition is
 * the one prom-client's Counter and Histogram write for the same observations, series in first-seen order.
 */
abstract class SummedMetric<Series> {
  readonly aggregator = 'sum';
  protected readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
  }

  /** prom-client's registry reads a metric through `get()` (and `getForPromString()` when there is one). */
  abstract get(): Promise<MetricData>;
}

export class SummedCounter extends SummedMetric<CounterSeries> {
  readonly type = 'counter';

  /** Adds `value` to the series `key`; false (nothing added) when there is no such series yet: `start` it. */
  add(key: string, value = 1): boolean {
    const series = this.series.get(key);
    if (series === undefined) return false;
    checkIncrement(value);
    series.value += value;
    return true;
  }

  /** Starts the series `key` with its labels and first value. */
  start(key: string, labels: Labels, value = 1): void {
    checkIncrement(value);
    this.series.set(key, { labels, value });
  }

  /** `add`, else `start` (when the labels cost nothing to build). */
  inc(key: string, labels: Labels, value = 1): void {
    if (!this.add(key, value)) this.start(key, labels, value);
  }

  async get(): Promise<MetricData> {
    const values: MetricValue[] = [];
    for (const series of this.series.values()) values.push({ value: series.value, labels: series.labels });
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

export class SummedHistogram extends SummedMetric<HistogramSeries> {
  readonly type = 'histogram';
  private readonly bounds: readonly number[];

  constructor(name: string, help: string, bounds: readonly number[], registry: Registry) {
    super(name, help, registry);
    this.bounds = [...bounds];
  }

  /** Observes `value` in the series `key`; false (nothing observed) when there is no such series yet: `start` it. */
  observe(key: string, value: number): boolean {
    const series = this.series.get(key);
    if (series === undefined) return false;
    checkObserved(value);
    series.sum += value;
    series.count += 1;
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        series.perBound[i]++;
        break;
      }
    }
    return true;
  }

  /** Starts the series `key` with its labels and first observation. */
  start(key: string, labels: Labels, value: number): void {
    checkObserved(value);
    this.series.set(key, {
      labels,
      perBound: new Array<number>(this.bounds.length).fill(0),
      sum: 0,
      count: 0,
    });
    this.observe(key, value);
  }

  /** JSON form (`registry.getMetricsAsJSON`): each entry's series labels merged into its own, as prom-client does. */
  async get(): Promise<MetricData> {
    const data = await this.getForPromString();
    for (const value of data.values) {
      value.labels = { ...value.labels, ...value.sharedLabels };
      delete value.sharedLabels;
    }
    return data;
  }

  /** Text form: the registry prefers it; series labels stay shared across a series' lines. */
  async getForPromString(): Promise<MetricData> {
    const bucket = `${this.name}_bucket`;
    const values: MetricValue[] = [];
    for (const series of this.series.values()) {
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += series.perBound[i];
        values.push(sharedValue({ le: this.bounds[i] }, cumulative, bucket, series.labels, null));
      }
      values.push(sharedValue({ le: '+Inf' }, series.count, bucket, series.labels, null));
      values.push(sharedValue({}, series.sum, `${this.name}_sum`, series.labels));
      values.push(sharedValue({}, series.count, `${this.name}_count`, series.labels));
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

function sharedValue(
  labels: Record<string, string | number>,
  value: number,
  metricName: string,
  sharedLabels: Labels,
  exemplar?: null,
): MetricValue {
  return { labels, sharedLabels, value, metricName, exemplar };
}

/** prom-client's Counter checks: a NaN passes, an infinite or negative value throws. */
function checkIncrement(value: number): void {
  if (value && !Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
  if (value < 0) throw new Error('It is not possible to decrease a counter');
}

/** prom-client's Histogram check. */
function checkObserved(value: number): void {
  if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
}
