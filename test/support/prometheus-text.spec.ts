import { parsePrometheusText, parseSampleValue } from './prometheus-text';

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    ['1e-3', 0.001],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
  ])('reads %s', (raw, want) => expect(parseSampleValue(raw)).toBe(want));

  it.each(['NaN', 'Nan', 'nan'])('reads %s as NaN, as Prometheus does', (raw) =>
    expect(parseSampleValue(raw)).toBeNaN(),
  );

  it.each(['abc', '1,5', ''])('refuses %j', (raw) => expect(parseSampleValue(raw)).toBeUndefined());
});

describe('parsePrometheusText', () => {
  it('keeps the sample prom-client writes before the event-loop monitor has a sample', () => {
    const text = '# TYPE nodejs_eventloop_lag_mean_seconds gauge\nnodejs_eventloop_lag_mean_seconds Nan\n';
    const exposition = parsePrometheusText(text);
    expect(exposition.types.get('nodejs_eventloop_lag_mean_seconds')).toBe('gauge');
    expect(exposition.find('nodejs_eventloop_lag_mean_seconds')[0].value).toBeNaN();
  });

  it('throws on a value that is not a number', () => {
    expect(() => parsePrometheusText('x_total{a="b"} twelve\n')).toThrow('bad value');
  });
});
