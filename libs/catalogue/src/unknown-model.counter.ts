/**
 * `switchboard_catalogue_unknown_model_total{route,instance}`: attempts whose upstream model the catalogue does
 * not know. A plain in-process counter so the data plane needs no metrics library; the telemetry lib exports it
 * by reading `snapshot()` (or by registering a sink that mirrors each increment into prom-client).
 */
export const UNKNOWN_MODEL_METRIC = 'switchboard_catalogue_unknown_model_total';

export interface CounterSample {
  labels: { route: string; instance: string };
  value: number;
}

export type CounterSink = (labels: CounterSample['labels']) => void;

export class UnknownModelCounter {
  readonly name = UNKNOWN_MODEL_METRIC;
  readonly help = 'Attempts whose upstream model is not in the model catalogue.';
  private readonly counts = new Map<string, CounterSample>();
  private readonly sinks: CounterSink[] = [];

  inc(route: string, instance: string): void {
    const key = `${route}\u0000${instance}`;
    const sample = this.counts.get(key);
    if (sample === undefined) this.counts.set(key, { labels: { route, instance }, value: 1 });
    else sample.value += 1;
    for (const sink of this.sinks) sink({ route, instance });
  }

  /** Mirrors every later increment (e.g. into a prom-client Counter). */
  onIncrement(sink: CounterSink): void {
    this.sinks.push(sink);
  }

  snapshot(): CounterSample[] {
    return [...this.counts.values()].map((s) => ({ labels: { ...s.labels }, value: s.value }));
  }
}
