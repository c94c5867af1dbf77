import { type DataSource, type EntityManager } from 'typeorm';
import type { ConsumerKey, KeyInput } from '../consumer-key.types';
import { ConsumerKeyEntity } from './consumer-key.entity';
import { inputColumns, toConsumerKey } from './consumer-key.mapper';

/** A key as the lookup cache needs it: the current hash and, during a rotation's grace, the previous one. */
export interface StoredKey {
  key: ConsumerKey;
  hash: string;
  previousHash: string | null;
  previousExpiresAt: number | null;
}

export interface KeySnapshot {
  revision: number;
  keys: StoredKey[];
}

/** Reads and writes `consumer_keys`; every write bumps `consumer_key_revision` in the same transaction. */
export class ConsumerKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async currentRevision(): Promise<number> {
    const rows: { revision: string }[] = await this.dataSource.query(
      'SELECT revision FROM consumer_key_revision WHERE id = 1',
    );
    return Number(rows[0]?.revision ?? 0);
  }

  async loadSnapshot(): Promise<KeySnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const revision = await manager.query('SELECT revision FROM consumer_key_revision WHERE id = 1');
      const rows = await manager.find(ConsumerKeyEntity);
      return { revision: Number(revision[0]?.revision ?? 0), keys: rows.map(toStoredKey) };
    });
  }

  async findById(id: string): Promise<ConsumerKey | null> {
    const row = await this.dataSource.manager.findOneBy(ConsumerKeyEntity, { id });
    return row ? toConsumerKey(row) : null;
  }

  async findByName(name: string): Promise<ConsumerKey | null> {
    const row = await this.dataSource.manager.findOneBy(ConsumerKeyEntity, { name });
    return row ? toConsumerKey(row) : null;
  }

  async list(page: number, pageSize: number): Promise<{ items: ConsumerKey[]; total: number }> {
    const [rows, total] = await this.dataSource.manager.findAndCount(ConsumerKeyEntity, {
      order: { name: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toConsumerKey), total };
  }

  async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
    const row = await this.dataSource.manager.findOne(ConsumerKeyEntity, {
      where: { name },
      select: { id: true },
    });
    return row !== null && row.id !== exceptId;
  }

  async insert(id: string, input: KeyInput, hash: string, prefix: string): Promise<ConsumerKey> {
    return this.write(async (manager) => {
      const now = new Date();
      const row = manager.create(ConsumerKeyEntity, {
        ...inputColumns(input),
        id,
        key_hash: hash,
        key_prefix: prefix,
        previous_key_hash: null,
        previous_key_expires_at: null,
        last_used_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      await manager.insert(ConsumerKeyEntity, row);
      return toConsumerKey(row);
    });
  }

  async update(id: string, input: KeyInput): Promise<ConsumerKey | null> {
    return this.write(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(ConsumerKeyEntity)
        .set({ ...inputColumns(input), updated_at: new Date(), version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      if ((result.affected ?? 0) === 0) return null;
      return toConsumerKey(await manager.findOneByOrFail(ConsumerKeyEntity, { id }));
    });
  }

  /** The new hash replaces the current one; the current one is accepted until `previousExpiresAt`. */
  async rotate(
    id: string,
    hash: string,
    prefix: string,
    previousExpiresAt: Date,
  ): Promise<ConsumerKey | null> {
    return this.write(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(ConsumerKeyEntity)
        .set({
          previous_key_hash: () => 'key_hash',
          previous_key_expires_at: previousExpiresAt,
          key_hash: hash,
          key_prefix: prefix,
          updated_at: new Date(),
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      if ((result.affected ?? 0) === 0) return null;
      return toConsumerKey(await manager.findOneByOrFail(ConsumerKeyEntity, { id }));
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.write(async (manager) => {
      const result = await manager.delete(ConsumerKeyEntity, { id });
      return (result.affected ?? 0) > 0;
    });
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE consumer_key_revision SET revision = revision + 1 WHERE id = 1');
      return work(manager);
    });
  }
}

function toStoredKey(row: ConsumerKeyEntity): StoredKey {
  return {
    key: toConsumerKey(row),
    hash: row.key_hash,
    previousHash: row.previous_key_hash,
    previousExpiresAt: row.previous_key_expires_at?.getTime() ?? null,
  };
}
