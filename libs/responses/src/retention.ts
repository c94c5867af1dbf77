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

/** `RESPONSES_MAX_BYTES_PER_KEY`: stored bytes per owner key before the oldest responses go (default 64 MiB). */
export const DEFAULT_MAX_BYTES_PER_KEY = 64 * 1024 * 1024;

export function parseMaxBytesPerKey(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_BYTES_PER_KEY;
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < 1024) {
    throw new Error(`RESPONSES_MAX_BYTES_PER_KEY must be an integer of at least 1024 (got '${raw}')`);
  }
  return value;
}

/** The store's options from the environment; throws at start-up on a bad value. */
export function responsesStoreOptionsFromEnv(env: NodeJS.ProcessEnv): {
  retentionMs: number;
  maxBytesPerOwner: number;
} {
  return {
    retentionMs: parseRetention(env.RESPONSES_RETENTION),
    maxBytesPerOwner: parseMaxBytesPerKey(env.RESPONSES_MAX_BYTES_PER_KEY),
  };
}
