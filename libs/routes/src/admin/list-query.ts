import type { ErrorDetail } from '@switchboard/common/errors';
import { validationFailed } from '../validation/json-body';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ListQuery {
  page: number;
  pageSize: number;
  model?: string;
}

/** Reads `page`, `page_size` and `model` from a query string; every bad value is listed in one 400. */
export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const details: ErrorDetail[] = [];
  const page = readInt(query.page, 'page', 1, Number.MAX_SAFE_INTEGER, 1, details);
  const pageSize = readInt(query.page_size, 'page_size', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, details);
  let model: string | undefined;
  if (query.model !== undefined) {
    if (typeof query.model === 'string' && query.model.length > 0) model = query.model;
    else details.push({ path: 'model', message: 'model must be one non-empty model name' });
  }
  if (details.length > 0) throw validationFailed(details);
  return { page, pageSize, model };
}

function readInt(
  value: unknown,
  name: string,
  min: number,
  max: number,
  fallback: number,
  details: ErrorDetail[],
): number {
  if (value === undefined) return fallback;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    details.push({ path: name, message: `${name} must be an integer ≥ ${min}` });
  } else if (parsed > max) {
    details.push({ path: name, message: `${name} must be at most ${max}` });
  }
  return parsed;
}
