/** A parameterised query runner (a TypeORM DataSource's `query`); rows come back as plain objects. */
export type SqlRunner = (text: string, parameters?: unknown[]) => Promise<unknown>;

export interface StoredResponseRow {
  id: string;
  owner_key_id: string | null;
  previous_response_id: string | null;
  input_items: Record<string, unknown>[];
  output_items: Record<string, unknown>[];
  response: Record<string, unknown>;
  created_at: Date;
  expires_at: Date;
}

/** `owner_key_id` is compared only when the caller has a key: keyless gateways see keyless rows. */
export const OWNER_MATCHES = 'owner_key_id IS NOT DISTINCT FROM $OWNER';

export function ownerClause(parameterIndex: number): string {
  return OWNER_MATCHES.replace('$OWNER', `$${parameterIndex}`);
}

/** Rows of a `… RETURNING` statement: TypeORM's Postgres driver answers DELETE/UPDATE with `[rows, count]`. */
export function returnedRows(result: unknown): unknown[] {
  if (!Array.isArray(result)) return [];
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}
