import { GatewayError, GatewayErrorCode, type ErrorDetail } from '@switchboard/common/errors';

/** Collects every bad query parameter, then throws one 400 (VALIDATION_FAILED) listing them all. */
export class QueryReader {
  readonly details: ErrorDetail[] = [];

  constructor(private readonly query: Record<string, unknown>) {}

  text(name: string, maxLength = 200): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
      this.details.push({
        path: name,
        message: `${name} must be one non-empty value of at most ${maxLength} characters`,
      });
      return undefined;
    }
    return value;
  }

  int(name: string, min: number, max: number, fallback: number): number {
    const value = this.query[name];
    if (value === undefined) return fallback;
    const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min) {
      this.details.push({ path: name, message: `${name} must be an integer ≥ ${min}` });
    } else if (parsed > max) {
      this.details.push({ path: name, message: `${name} must be at most ${max}` });
    }
    return parsed;
  }

  time(name: string): Date | undefined {
    const value = this.text(name, 64);
    if (value === undefined) return undefined;
    const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
    const date = new Date(value);
    if (!iso.test(value) || Number.isNaN(date.getTime())) {
      this.details.push({
        path: name,
        message: `${name} must be an ISO 8601 time, e.g. 2026-12-07T10:00:00Z`,
      });
      return undefined;
    }
    return date;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.query[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      this.details.push({ path: name, message: `${name} must be one of ${allowed.join(', ')}` });
      return fallback;
    }
    return value as T;
  }

  fail(path: string, message: string): void {
    this.details.push({ path, message });
  }

  /** Throws the collected problems, if any. */
  done(): void {
    if (this.details.length === 0) return;
    const summary = this.details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
    throw new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Invalid query: ${summary}`, {
      details: this.details,
    });
  }
}

/** `since`/`until` with defaults (the last hour) and since < until. */
export function readWindow(reader: QueryReader, now = Date.now()): { since: Date; until: Date } {
  const until = reader.time('until') ?? new Date(now);
  const since = reader.time('since') ?? new Date(until.getTime() - 3_600_000);
  if (since.getTime() >= until.getTime()) reader.fail('since', 'since must be before until');
  return { since, until };
}
