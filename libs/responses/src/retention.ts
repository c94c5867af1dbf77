/** `RESPONSES_RETENTION`: how long stored responses live, as `<n>d`, `<n>h` or `<n>m` (default `30d`). */
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };
export const DEFAULT_RESPONSES_RETENTION = '30d';

export function parseRetention(raw: string | undefined): number {
  const text = (raw ?? DEFAULT_RESPONSES_RETENTION).trim();
  const match = /^(\d+)([dhm])$/.exec(text);
  if (!match || Number(match[1]) === 0) {
    throw new Error(`RESPONSES_RETENTION must look like 30d, 12h or 90m (got '${text}')`);
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}
