/**
 * The JSON texts of values that repeat from row to row (instance, provider and route names, protocols,
 * outcomes, error codes), each stringified once. A batch's columns are then joined from these pieces: for a
 * column of such names 15 ns a row instead of JSON.stringify's 50. Bounded: cleared when it holds `limit` texts.
 */
export class JsonPieces {
  private readonly texts = new Map<string, string>();

  constructor(private readonly limit = 4096) {}

  /** `JSON.stringify(text)`, or `null`. */
  text(text: string | null | undefined): string {
    if (text === null || text === undefined) return 'null';
    let json = this.texts.get(text);
    if (json === undefined) {
      if (this.texts.size >= this.limit) this.texts.clear();
      json = JSON.stringify(text);
      this.texts.set(text, json);
    }
    return json;
  }
}

/** A number's JSON: NaN stood for null (and JSON has no Infinity). */
export function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/**
 * Milliseconds kept to the microsecond, as the log stores them: a duration's full double has ~17 digits, which
 * cost V8 260 ns to write (the `real` columns keep 7 anyway); `jsonThousandths` writes the few digits of a
 * microsecond in 30.
 */
export function toMicroseconds(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

const FRACTIONS = Array.from({ length: 1000 }, (_, thousandths) =>
  thousandths === 0 ? '' : `.${String(thousandths).padStart(3, '0').replace(/0+$/, '')}`,
);
/** Whole parts below this are small integers, which V8 writes from a cache. */
const SMALL = 2 ** 30;

/**
 * The JSON of a value kept to three decimals (`toMicroseconds`, or an integer such as a status or a token
 * count), as JSON.stringify writes it (NaN: null), from its whole part and a table of the thousand fractions:
 * V8 writes such short decimals, and integers past 2^30, through its slow path (120–230 ns).
 */
export function jsonThousandths(value: number): string {
  const thousandths = Math.round(value * 1000);
  if (!(thousandths >= 0 && thousandths <= Number.MAX_SAFE_INTEGER)) return jsonNumber(value);
  const fraction = thousandths % 1000;
  const whole = (thousandths - fraction) / 1000;
  if (whole < SMALL) return whole + FRACTIONS[fraction];
  const low = whole % 1_000_000;
  const high = (whole - low) / 1_000_000;
  return `${high}${String(low).padStart(6, '0')}${FRACTIONS[fraction]}`;
}
