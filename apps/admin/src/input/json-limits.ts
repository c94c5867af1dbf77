import { type ErrorDetail } from '@switchboard/common/errors';

/** Deepest JSON an admin body may nest (a route nests 4 levels; options/defaults/conversion leave room). */
export const MAX_ADMIN_JSON_DEPTH = 32;

const NUL = '\u0000';

/**
 * What PostgreSQL cannot store (a NUL byte in text or jsonb) and what no route needs (absurd nesting), found
 * without recursion so a hostile body cannot overflow the stack. Returns one detail per offending place.
 */
export function findUnstorableJson(root: unknown, maxDepth = MAX_ADMIN_JSON_DEPTH): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: root, path: '', depth: 0 },
  ];
  while (pending.length > 0 && details.length < 20) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) details.push({ path, message: 'NUL bytes (\\u0000) are not allowed' });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) {
      details.push({ path, message: `JSON nests deeper than ${maxDepth} levels` });
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (const [key, item] of entries) {
      if (key.includes(NUL)) {
        details.push({ path, message: 'NUL bytes (\\u0000) are not allowed in field names' });
        continue;
      }
      pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return details.reverse();
}
