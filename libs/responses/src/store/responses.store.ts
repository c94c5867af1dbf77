import type { StoredResponse, StoredResponseLookup } from '../stored-response';
import { ownerClause, returnedRows, type SqlRunner, type StoredResponseRow } from './responses-sql';

export interface ResponsesStoreOptions {
  /** How long a stored response lives (RESPONSES_RETENTION). */
  retentionMs: number;
  /** Stored bytes per owner key (keyless gateways: one owner); the oldest responses go first past it. */
  maxBytesPerOwner: number;
}

/** What a successful turn leaves behind (`store` not false). */
export interface ResponseToStore {
  id: string;
  ownerKeyId: string | null;
  previousResponseId: string | null;
  inputItems: Record<string, unknown>[];
  outputItems: Record<string, unknown>[];
  response: Record<string, unknown>;
}

export interface InputItemsPage {
  object: 'list';
  data: Record<string, unknown>[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export interface InputItemsQuery {
  after?: string;
  limit: number;
  order: 'asc' | 'desc';
}

const COLUMNS =
  'id, owner_key_id, previous_response_id, input_items, output_items, response, created_at, expires_at';

function fromRow(row: StoredResponseRow): StoredResponse {
  return {
    id: row.id,
    ownerKeyId: row.owner_key_id,
    previousResponseId: row.previous_response_id,
    inputItems: row.input_items,
    outputItems: row.output_items,
    response: row.response,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}

/**
 * Stored Responses API turns in Postgres (table `stored_responses`): every replica reads the same rows, so a
 * `previous_response_id` chain works whichever instance served the earlier turns. Reads never return expired
 * rows; `purgeExpired` deletes them in batches.
 */
export class ResponsesStore {
  /**
   * Saves still running, by response id. A client chains its next turn as soon as it has the answer, which can be
   * before the save that follows the answer is committed: reads in this process wait for it.
   */
  private readonly saving = new Map<string, Promise<void>>();

  constructor(
    private readonly sql: SqlRunner,
    private readonly options: ResponsesStoreOptions,
    private readonly now: () => number = Date.now,
  ) {}

  save(turn: ResponseToStore): Promise<void> {
    const saved = this.insert(turn).finally(() => {
      if (this.saving.get(turn.id) === saved) this.saving.delete(turn.id);
    });
    this.saving.set(turn.id, saved);
    return saved;
  }

  /** Resolves once the save of `id` running now, if any, has ended (saved or failed). */
  private async savedBeforeRead(id: string): Promise<void> {
    await this.saving.get(id)?.catch(() => undefined);
  }

  private async insert(turn: ResponseToStore): Promise<void> {
    const size = Buffer.byteLength(JSON.stringify([turn.inputItems, turn.outputItems, turn.response]));
    const createdAt = new Date(this.now());
    const expiresAt = new Date(createdAt.getTime() + this.options.retentionMs);
    await this.sql(
      `INSERT INTO stored_responses (${COLUMNS}, size_bytes)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $9)
       ON CONFLICT (id) DO NOTHING`,
      [
        turn.id,
        turn.ownerKeyId,
        turn.previousResponseId,
        JSON.stringify(turn.inputItems),
        JSON.stringify(turn.outputItems),
        JSON.stringify(turn.response),
        createdAt,
        expiresAt,
        size,
      ],
    );
    await this.enforceOwnerBound(turn.ownerKeyId);
  }

  /** Keeps an owner's newest responses within `maxBytesPerOwner`. */
  private async enforceOwnerBound(owner: string | null): Promise<void> {
    await this.sql(
      `DELETE FROM stored_responses WHERE id IN (
         SELECT id FROM (
           SELECT id, sum(size_bytes) OVER (ORDER BY created_at DESC, id DESC) AS running
           FROM stored_responses WHERE ${ownerClause(1)}
         ) ranked WHERE running > $2)`,
      [owner, this.options.maxBytesPerOwner],
    );
  }

  async find(id: string, owner: string | null): Promise<StoredResponse | undefined> {
    await this.savedBeforeRead(id);
    const rows = (await this.sql(
      `SELECT ${COLUMNS} FROM stored_responses WHERE id = $1 AND ${ownerClause(2)} AND expires_at > $3`,
      [id, owner, new Date(this.now())],
    )) as StoredResponseRow[];
    return rows.length === 0 ? undefined : fromRow(rows[0]);
  }

  /** True when a row was deleted. */
  async delete(id: string, owner: string | null): Promise<boolean> {
    await this.savedBeforeRead(id);
    const rows = returnedRows(
      await this.sql(
        `DELETE FROM stored_responses WHERE id = $1 AND ${ownerClause(2)} AND expires_at > $3 RETURNING id`,
        [id, owner, new Date(this.now())],
      ),
    );
    return rows.length > 0;
  }

  /** An owner's view, for the history expansion. */
  lookup(owner: string | null): StoredResponseLookup {
    return {
      findResponse: (id) => this.find(id, owner),
      findItem: (id) => this.findItem(id, owner),
    };
  }

  private async findItem(id: string, owner: string | null): Promise<Record<string, unknown> | undefined> {
    // An item id does not say which response holds it: wait for every save running now.
    await Promise.allSettled(this.saving.values());
    const rows = (await this.sql(
      `SELECT item FROM stored_responses s,
         jsonb_array_elements(s.input_items || s.output_items) AS item
       WHERE ${ownerClause(1)} AND s.expires_at > $2 AND item->>'id' = $3
       ORDER BY s.created_at DESC LIMIT 1`,
      [owner, new Date(this.now()), id],
    )) as { item: Record<string, unknown> }[];
    return rows[0]?.item;
  }

  /** A page of a stored response's input items (the SDK pages with `after: <last id>`). */
  inputItemsPage(stored: StoredResponse, query: InputItemsQuery): InputItemsPage {
    const items = query.order === 'asc' ? stored.inputItems : [...stored.inputItems].reverse();
    const start = query.after === undefined ? 0 : items.findIndex((item) => item.id === query.after) + 1;
    const data = start === 0 && query.after !== undefined ? [] : items.slice(start, start + query.limit);
    return {
      object: 'list',
      data,
      first_id: (data[0]?.id as string | undefined) ?? null,
      last_id: (data[data.length - 1]?.id as string | undefined) ?? null,
      has_more: start + data.length < items.length,
    };
  }

  /**
   * Deletes expired rows, `batchSize` at a time (short transactions); returns how many went. `sql`: the
   * connection to run on (the retention job's, which holds its advisory lock).
   */
  async purgeExpired(batchSize = 1000, sql: SqlRunner = this.sql): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = returnedRows(
        await sql(
          `DELETE FROM stored_responses WHERE id IN (
             SELECT id FROM stored_responses WHERE expires_at <= $1 LIMIT $2) RETURNING id`,
          [new Date(this.now()), batchSize],
        ),
      );
      total += rows.length;
      if (rows.length < batchSize) return total;
    }
  }
}
