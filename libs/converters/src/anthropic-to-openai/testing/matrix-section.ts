import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads one table of docs/conversion-matrix.md: the first Markdown table after `<!-- matrix: <direction> <part> -->`.
 * (A local reader for this converter's own section; the format is described at the top of the document.)
 */
export interface MatrixRow {
  field: string;
  status: 'mapped' | 'emulated' | 'dropped' | 'rejected';
  target: string;
  /** Parsed JSON example, or undefined when the cell is `—` (checked by a dedicated test). */
  example: unknown;
  hasExample: boolean;
  notes: string;
}

const MATRIX = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'conversion-matrix.md');
const STATUSES = new Set(['mapped', 'emulated', 'dropped', 'rejected']);

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

export function readMatrix(direction: string, part: 'request' | 'response' | 'stream'): MatrixRow[] {
  const lines = readFileSync(MATRIX, 'utf8').split('\n');
  const marker = lines.findIndex((l) => l.trim() === `<!-- matrix: ${direction} ${part} -->`);
  if (marker < 0) throw new Error(`no matrix table for ${direction} ${part}`);
  let i = marker + 1;
  while (i < lines.length && !lines[i]?.trim().startsWith('|')) i++;
  const rows: MatrixRow[] = [];
  // Skip the header and the separator line.
  for (i += 2; i < lines.length && lines[i]?.trim().startsWith('|'); i++) {
    const [field = '', status = '', target = '', example = '', notes = ''] = cells(lines[i] as string);
    if (!STATUSES.has(status))
      throw new Error(`matrix ${direction} ${part}: bad status "${status}" for ${field}`);
    const hasExample = example !== '—' && example !== '';
    rows.push({
      field,
      status: status as MatrixRow['status'],
      target,
      example: hasExample ? (JSON.parse(example) as unknown) : undefined,
      hasExample,
      notes,
    });
  }
  return rows;
}

/** Values at a dotted path; `[]` after a segment means "any element of that array". */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const raw of path.split('.')) {
    const many = raw.endsWith('[]');
    const key = many ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const item of current) {
      if (typeof item !== 'object' || item === null || !(key in item)) continue;
      const v = (item as Record<string, unknown>)[key];
      if (many) {
        if (Array.isArray(v)) next.push(...(v as unknown[]));
      } else next.push(v);
    }
    current = next;
  }
  return current;
}

/** True when `key` is a property name anywhere inside `value`. */
export function hasKeyDeep(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKeyDeep(v, key));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKeyDeep(v, key));
}

/** Sets a dotted path (no `[]`), creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] as string] = value;
}
