import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ConsumerKey } from '../consumer-key.types';
import { hashConsumerKey } from '../material/consumer-key.secret';
import type { ConsumerKeyRepository, StoredKey } from '../persistence/consumer-key.repository';
import type { KeyChangeBus } from './key-change.bus';

export type KeyLookup =
  { found: true; key: ConsumerKey } | { found: false; reason: 'unknown' | 'disabled' | 'expired' };

/**
 * Every consumer key in memory, by hash (current and, during a rotation's grace period, previous). Lookups are
 * Map reads; a key write reloads the whole (small) table: at once in this process through the KeyChangeBus,
 * within `pollIntervalMs` in the others through the revision row. An unreachable database keeps the last table.
 */
export class ConsumerKeyRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ConsumerKeys');
  private byHash = new Map<string, StoredKey>();
  private byId = new Map<string, ConsumerKey>();
  private revision = -1;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private loading: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly repository: ConsumerKeyRepository,
    private readonly bus: KeyChangeBus,
    private readonly pollIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = this.bus.subscribe(() => this.reload());
    await this.reload();
    if (this.pollIntervalMs > 0) {
      this.timer = setInterval(() => void this.check(), this.pollIntervalMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
  }

  /** True when at least one key exists (the 401 then says how to create the first one otherwise). */
  hasKeys(): boolean {
    return this.byHash.size > 0;
  }

  /** A key by id, whatever its state (settling usage after a revoke is harmless: the row is gone). */
  get(id: string): ConsumerKey | undefined {
    return this.byId.get(id);
  }

  lookup(presented: string): KeyLookup {
    const hash = hashConsumerKey(presented);
    const stored = this.byHash.get(hash);
    if (stored === undefined) return { found: false, reason: 'unknown' };
    const now = this.now();
    if (stored.hash !== hash) {
      // Matched the previous hash of a rotated key: valid only during the grace period.
      if (stored.previousExpiresAt === null || stored.previousExpiresAt <= now)
        return { found: false, reason: 'unknown' };
    }
    if (!stored.key.enabled) return { found: false, reason: 'disabled' };
    if (stored.key.expires_at !== null && Date.parse(stored.key.expires_at) <= now)
      return { found: false, reason: 'expired' };
    return { found: true, key: stored.key };
  }

  async check(): Promise<void> {
    try {
      const revision = await this.repository.currentRevision();
      if (revision !== this.revision) await this.reload();
    } catch (error) {
      this.unreachable(error);
    }
  }

  /** Queues a fresh load after any load in flight (which may have read before the latest write). */
  reload(): Promise<void> {
    const next = (this.loading ?? Promise.resolve()).then(() => this.load());
    this.loading = next;
    void next.finally(() => {
      if (this.loading === next) this.loading = undefined;
    });
    return next;
  }

  private async load(): Promise<void> {
    try {
      const snapshot = await this.repository.loadSnapshot();
      const byHash = new Map<string, StoredKey>();
      for (const stored of snapshot.keys) {
        byHash.set(stored.hash, stored);
        if (stored.previousHash !== null) byHash.set(stored.previousHash, stored);
      }
      this.byHash = byHash;
      this.byId = new Map(snapshot.keys.map((stored) => [stored.key.id, stored.key]));
      this.revision = snapshot.revision;
      if (this.failing) this.logger.log('Consumer keys readable again');
      this.failing = false;
    } catch (error) {
      this.unreachable(error);
    }
  }

  private unreachable(error: unknown): void {
    if (!this.failing)
      this.logger.warn(`Cannot read consumer keys (${(error as Error).message}); keeping the last table`);
    this.failing = true;
  }
}
