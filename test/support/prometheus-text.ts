/**
 * A small parser of the Prometheus text exposition format (0.0.4): `# TYPE` lines and samples
 * `name{label="value",…} number`, with the format's label escapes (\\, \", \n).
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
  /** Samples of `name` whose labels include every pair of `labels`. */
  find(name: string, labels?: Record<string, string>): Sample[];
  /** Sum of those samples' values (0 when none). */
  sum(name: string, labels?: Record<string, string>): number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/gy;

/**
 * A sample value as Prometheus reads it (Go's ParseFloat): NaN and Inf in any letter case, which matters
 * because prom-client writes NaN as `Nan` (an event-loop-lag mean before its first sample).
 */
export function parseSampleValue(raw: string): number | undefined {
  const word = raw.toLowerCase();
  if (word === 'nan') return NaN;
  if (word === '+inf' || word === 'inf' || word === '+infinity' || word === 'infinity') return Infinity;
  if (word === '-inf' || word === '-infinity') return -Infinity;
  const value = Number(raw);
  return raw.trim() === '' || Number.isNaN(value) ? undefined : value;
}

export function parsePrometheusText(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types.set(type[1], type[2]);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (match === null) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const body = match[3] ?? '';
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const label = LABEL.exec(body);
      if (label === null) throw new Error(`bad labels: ${body}`);
      labels[label[1]] = label[2].replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const value = parseSampleValue(match[4]);
    if (value === undefined) throw new Error(`bad value: ${line}`);
    samples.push({ name: match[1], labels, value });
  }
  const find = (name: string, want: Record<string, string> = {}) =>
    samples.filter(
      (sample) =>
        sample.name === name && Object.entries(want).every(([key, value]) => sample.labels[key] === value),
    );
  return { types, samples, find, sum: (name, want) => find(name, want).reduce((s, x) => s + x.value, 0) };
}
