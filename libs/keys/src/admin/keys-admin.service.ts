import { randomUUID } from 'node:crypto';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { parseListQuery } from '@switchboard/routes/admin/list-query';
import type { ConsumerKey, KeyInput } from '../consumer-key.types';
import { generateConsumerKey } from '../material/consumer-key.secret';
import type { ConsumerKeyRepository } from '../persistence/consumer-key.repository';
import type { KeyUsageRepository, PeriodUsage } from '../persistence/key-usage.repository';
import type { KeyChangeBus } from '../registry/key-change.bus';
import { readGraceSeconds, validateKeyBody } from './key-body.validator';

export interface KeyView extends ConsumerKey {
  /** Tokens used in the current UTC day and month, and in total. */
  usage: PeriodUsage;
  /** USD spent (the request records' cost) in the current UTC day and month, and in total. */
  spend_usd: PeriodUsage;
}

export interface KeyWithSecret extends KeyView {
  /** Returned by create and rotate only; never stored. */
  key: string;
}

export interface KeyList {
  items: KeyView[];
  total: number;
  page: number;
  page_size: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /admin/keys use cases. Every write bumps the key revision and reloads this process's key cache. */
export class KeysAdminService {
  constructor(
    private readonly keys: ConsumerKeyRepository,
    private readonly usage: KeyUsageRepository,
    private readonly bus: KeyChangeBus,
  ) {}

  async list(query: Record<string, unknown>): Promise<KeyList> {
    const { page, pageSize } = parseListQuery(query);
    const { items, total } = await this.keys.list(page, pageSize);
    return { items: await this.withUsage(items), total, page, page_size: pageSize };
  }

  async get(id: string): Promise<KeyView> {
    return (await this.withUsage([await this.findOrThrow(id)]))[0];
  }

  async create(body: unknown): Promise<KeyWithSecret> {
    const input = validateKeyBody(body);
    await this.checkName(input.name, null);
    const generated = generateConsumerKey();
    const stored = await this.conflictSafe(() =>
      this.keys.insert(randomUUID(), input, generated.hash, generated.prefix),
    );
    await this.bus.publish();
    return { ...(await this.get(stored.id)), key: generated.key };
  }

  async patch(id: string, body: unknown): Promise<KeyView> {
    const current = await this.findOrThrow(id);
    const input = validateKeyBody(body, toInput(current));
    await this.checkName(input.name, id);
    const stored = await this.conflictSafe(() => this.keys.update(id, input));
    if (stored === null) throw notFound(id);
    await this.bus.publish();
    return this.get(id);
  }

  async rotate(id: string, body: unknown): Promise<KeyWithSecret> {
    checkId(id);
    const graceSeconds = readGraceSeconds(body);
    const generated = generateConsumerKey();
    const stored = await this.keys.rotate(
      id,
      generated.hash,
      generated.prefix,
      new Date(Date.now() + graceSeconds * 1000),
    );
    if (stored === null) throw notFound(id);
    await this.bus.publish();
    return { ...(await this.get(id)), key: generated.key };
  }

  async delete(id: string): Promise<void> {
    checkId(id);
    if (!(await this.keys.delete(id))) throw notFound(id);
    await this.bus.publish();
  }

  private async withUsage(keys: ConsumerKey[]): Promise<KeyView[]> {
    const usage = await this.usage.usage(
      keys.map((key) => key.id),
      new Date(),
    );
    return keys.map((key) => {
      const used = usage.get(key.id)!;
      return { ...key, usage: used.tokens, spend_usd: used.usd };
    });
  }

  private async findOrThrow(id: string): Promise<ConsumerKey> {
    checkId(id);
    const key = await this.keys.findById(id);
    if (key === null) throw notFound(id);
    return key;
  }

  private async checkName(name: string, exceptId: string | null): Promise<void> {
    if (await this.keys.nameTaken(name, exceptId)) throw duplicateName(name);
  }

  /** A concurrent writer may take the name between the check and the insert: the unique index answers 409. */
  private async conflictSafe<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateName(null);
      throw error;
    }
  }
}

function toInput(key: ConsumerKey): KeyInput {
  const { name, models, rpm, tpm, budget, expires_at, enabled, metadata } = key;
  return { name, models, rpm, tpm, budget, expires_at, enabled, metadata };
}

function checkId(id: string): void {
  if (!UUID.test(id)) throw notFound(id);
}

function notFound(id: string): GatewayError {
  return new GatewayError(GatewayErrorCode.NOT_FOUND, `No key with id "${id.slice(0, 100)}"`);
}

function duplicateName(name: string | null): GatewayError {
  return new GatewayError(
    GatewayErrorCode.CONFLICT,
    name === null ? 'A key with this name already exists' : `A key named "${name}" already exists`,
  );
}
