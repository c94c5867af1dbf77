import type { Step } from './api';

/** The overview's time ranges and the bucket size each one charts with (≤ ~360 points). */
export type RangePreset = '15m' | '1h' | '6h' | '24h' | '7d' | 'custom';

export const PRESETS: Array<{ id: Exclude<RangePreset, 'custom'>; label: string; ms: number }> = [
  { id: '15m', label: '15 min', ms: 15 * 60_000 },
  { id: '1h', label: '1 h', ms: 3_600_000 },
  { id: '6h', label: '6 h', ms: 6 * 3_600_000 },
  { id: '24h', label: '24 h', ms: 24 * 3_600_000 },
  { id: '7d', label: '7 d', ms: 7 * 24 * 3_600_000 },
];

export interface TimeRange {
  preset: RangePreset;
  /** Only for `custom`: epoch ms. */
  from?: number;
  to?: number;
}

export interface ResolvedRange {
  since: string;
  until: string;
  step: Step;
  stepSeconds: number;
}

export function resolveRange(range: TimeRange, now = Date.now()): ResolvedRange {
  const preset = PRESETS.find((candidate) => candidate.id === range.preset);
  const until = range.preset === 'custom' && range.to ? range.to : now;
  const since = preset ? until - preset.ms : (range.from ?? until - 3_600_000);
  const span = Math.max(until - since, 60_000);
  const step: Step = span <= 2 * 3_600_000 ? '1m' : span <= 30 * 3_600_000 ? '5m' : '1h';
  return {
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    step,
    stepSeconds: step === '1m' ? 60 : step === '5m' ? 300 : 3600,
  };
}
