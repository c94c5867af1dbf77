/** Display helpers: numbers, durations, times and status classes. */

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const fmtInt = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : integer.format(value);

export const fmtCompact = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : compact.format(value);

export function fmtMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${integer.format(value)} ms`;
}

const usdCents = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
const usdSmall = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 3,
});

/** A cost in USD: cents from $0.01 up, three significant digits below (one request often costs $0.000412). */
export function fmtUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value === 0 || Math.abs(value) >= 0.01 ? usdCents.format(value) : usdSmall.format(value);
}

/** A request's consumer key: its name, else its id (a deleted key), else none. */
export const keyLabel = (key: { id: string; name: string | null } | null): string =>
  key ? (key.name ?? key.id) : '—';

export function fmtPercent(part: number, whole: number): string {
  if (!whole) return '—';
  const value = (part / whole) * 100;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} %`;
}

export function fmtTime(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString('en-GB', { hour12: false });
}

export function fmtAgo(value: string | null | undefined, now = Date.now()): string {
  if (!value) return 'never';
  const seconds = Math.round((now - Date.parse(value)) / 1000);
  if (!Number.isFinite(seconds)) return value;
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

export type StatusTone = 'ok' | 'warn' | 'bad' | 'muted';

export function statusTone(status: number): StatusTone {
  if (status >= 500) return 'bad';
  if (status === 429 || status >= 400) return 'warn';
  if (status >= 200 && status < 400) return 'ok';
  return 'muted';
}
