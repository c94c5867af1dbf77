import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads the machine-checked tables of docs/conversion-matrix.md (format described at the top of the file). */

export type MatrixStatus = 'mapped' | 'emulated' | 'dropped' | 'rejected';
export type MatrixPart = 'request' | 'response' | 'stream';

export interface MatrixRow {
  field: string;
  status: MatrixStatus;
  /** `undefined` when the cell is `—`. */
  target?: string;
  /** `undefined` when the cell is `—`; otherwise the parsed JSON value. */
  example?: { value: unknown };
  notes: string;
}

export const CONVERSION_MATRIX_FILE = path.resolve(__dirname, '../../../../docs/conversion-matrix.md');
const STATUSES = new Set<string>(['mapped', 'emulated', 'dropped', 'rejected']);
const NONE = '—';

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

export function readConversionMatrix(
  direction: string,
  part: MatrixPart,
  file = CONVERSION_MATRIX_FILE,
): MatrixRow[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const marker = lines.findIndex((line) => line.trim() === `<!-- matrix: ${direction} ${part} -->`);
  if (marker < 0) throw new Error(`docs/conversion-matrix.md has no table for ${direction} ${part}`);
  let i = marker + 1;
  while (i < lines.length && !lines[i]!.trim().startsWith('|')) i++;
  const header = cellsOf(lines[i] ?? '');
  if (header.join(',') !== 'Field,Status,Target,Example,Notes') {
    throw new Error(`${direction} ${part}: unexpected header ${header.join(',')}`);
  }
  const rows: MatrixRow[] = [];
  for (i += 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
    const [field = '', status = '', target = '', example = '', notes = ''] = cellsOf(lines[i]!);
    if (!STATUSES.has(status)) throw new Error(`${direction} ${part}: ${field} has unknown status ${status}`);
    rows.push({
      field,
      status: status as MatrixStatus,
      target: target === NONE || target === '' ? undefined : target,
      example: example === NONE || example === '' ? undefined : { value: JSON.parse(example) as unknown },
      notes,
    });
  }
  return rows;
}

/** The request, response and stream tables of one direction. */
export function readMatrixRows(direction: string): Record<MatrixPart, MatrixRow[]> {
  return {
    request: readConversionMatrix(direction, 'request'),
    response: readConversionMatrix(direction, 'response'),
    stream: readConversionMatrix(direction, 'stream'),
  };
}

/** Values at a dotted path where `[]` walks every array item, e.g. `choices[].message.content`. */
export function valuesAtPath(value: unknown, fieldPath: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of fieldPath.split('.')) {
    const isArray = segment.endsWith('[]');
    const key = isArray ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const item of current) {
      if (typeof item !== 'object' || item === null || !Object.prototype.hasOwnProperty.call(item, key))
        continue;
      const child = (item as Record<string, unknown>)[key];
      if (isArray) {
        if (Array.isArray(child)) next.push(...(child as unknown[]));
      } else next.push(child);
    }
    current = next;
  }
  return current;
}
