import { Counter, Histogram, Registry } from 'prom-client';
import { SummedCounter, SummedHistogram } from './summed-metrics';

const BOUNDS = [0.01, 0.1, 1, 10];

/** The same observations into prom-client's metrics and the summed ones: the registries must print the same. */
function twins() {
  const reference = new Registry();
  const summed = new Registry();
  const counter = new Counter({
    name: 'x_total',
    help: 'Counted "things"\\n.',
    labelNames: ['route', 'status_code'],
    registers: [reference],
  });
  const histogram = new Histogram({
    name: 'x_seconds',
    help: 'Timed.',
    labelNames: ['route', 'model', 'error_type'],
    buckets: BOUNDS,
    registers: [reference],
  });
  return {
    reference,
    summed,
    counter,
    histogram,
    summedCounter: new SummedCounter('x_total', 'Counted "things"\\n.', summed),
    summedHistogram: new SummedHistogram('x_seconds', 'Timed.', BOUNDS, summed),
  };
}

function observe(
  histogram: SummedHistogram,
  key: string,
  labels: Record<string, string>,
  value: number,
): void {
  if (!histogram.observe(key, value)) histogram.start(key, labels, value);
}

describe('SummedCounter and SummedHistogram', () => {
  it('print exactly what prom-client prints for the same observations (text and JSON)', async () => {
    const t = twins();
    const routes = ['a', 'b "quoted"', 'c\\slash'];
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 500; i++) {
      const route = routes[Math.floor(random() * routes.length)];
      const status = random() < 0.8 ? '200' : '502';
      t.counter.inc({ route, status_code: status }, i % 7 === 0 ? 2.5 : 1);
      t.summedCounter.inc(`${route}\0${status}`, { route, status_code: status }, i % 7 === 0 ? 2.5 : 1);
      const value = random() * 20;
      if (status === '200') {
        t.histogram.observe({ route, model: 'm' }, value);
        observe(t.summedHistogram, `${route}\0m`, { route, model: 'm' }, value);
      } else {
        t.histogram.observe({ route, model: 'm', error_type: 'UPSTREAM_ERROR' }, value);
        observe(
          t.summedHistogram,
          `${route}\0m\0UPSTREAM_ERROR`,
          { route, model: 'm', error_type: 'UPSTREAM_ERROR' },
          value,
        );
      }
    }
    // A value on a bound counts in that bound's bucket; one above every bound only in +Inf.
    for (const value of [0.01, 10, 11]) {
      t.histogram.observe({ route: 'a', model: 'm' }, value);
      observe(t.summedHistogram, 'a\0m', { route: 'a', model: 'm' }, value);
    }
    const text = await t.summed.metrics();
    expect(text).toBe(await t.reference.metrics());
    expect(text).toContain('x_seconds_bucket{le="+Inf",route="a",model="m"}');
    expect(await t.summed.getMetricsAsJSON()).toEqual(await t.reference.getMetricsAsJSON());
  });

  it('print only HELP and TYPE before any observation, like prom-client', async () => {
    const t = twins();
    expect(await t.summed.metrics()).toBe(await t.reference.metrics());
  });

  it('refuse what prom-client refuses', () => {
    const t = twins();
    expect(() => t.summedCounter.inc('a', { route: 'a' }, -1)).toThrow(
      'It is not possible to decrease a counter',
    );
    expect(() => t.summedCounter.inc('a', { route: 'a' }, Infinity)).toThrow(TypeError);
    expect(() => t.summedHistogram.start('a', { route: 'a' }, Number.NaN)).toThrow(TypeError);
    t.summedHistogram.start('a', { route: 'a' }, 1);
    expect(() => t.summedHistogram.observe('a', Number.NaN)).toThrow(TypeError);
    expect(t.summedHistogram.observe('b', 1)).toBe(false);
  });
});
