import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { RouteChangeBus } from '@switchboard/routes/route-change.bus';
import { ModelCatalogue } from '../model-catalogue';
import type { EffectiveModel, ModelFacts } from '../model-facts';
import type { ModelOverrideRepository, StoredOverride } from '../persistence/model-override.repository';
import { validateModelFacts } from '../validation/model-facts.validator';

export type ModelEntryView = EffectiveModel & { created_at?: string; updated_at?: string };

/**
 * /admin/models: the effective catalogue (shipped entries plus overrides, read fresh from the database) and
 * override writes. A write tells this process's route table through the RouteChangeBus; other processes notice
 * the bumped revision, and each process's catalogue reloads its overrides when its route table does.
 */
export class ModelsAdminService {
  constructor(
    private readonly repository: ModelOverrideRepository,
    private readonly bus: RouteChangeBus,
  ) {}

  async list(): Promise<{ items: ModelEntryView[]; total: number }> {
    const overrides = await this.repository.list();
    const items = new ModelCatalogue()
      .withOverrides(overrides)
      .list()
      .map((entry) => withDates(entry, overrides));
    return { items, total: items.length };
  }

  async put(id: string, body: unknown): Promise<{ created: boolean; entry: ModelEntryView }> {
    const raw =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : body;
    if (isRecord(raw) && raw.id !== undefined && raw.id !== id) {
      throw invalid([{ path: 'id', message: `id "${String(raw.id)}" does not match the path id "${id}"` }]);
    }
    const checked = validateModelFacts(isRecord(raw) ? { ...raw, id } : raw, { partial: false });
    if (checked.facts === undefined) throw invalid(checked.details);
    const { created, stored } = await this.repository.upsert(id, checked.facts as ModelFacts);
    this.bus.publish({ id: null, version: null });
    return { created, entry: view(stored) };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) {
      throw new GatewayError(
        GatewayErrorCode.NOT_FOUND,
        `model override "${id}" not found (shipped entries cannot be deleted, only overridden)`,
      );
    }
    this.bus.publish({ id: null, version: null });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(details: { path: string; message: string }[]): GatewayError {
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return new GatewayError(GatewayErrorCode.VALIDATION_FAILED, `Invalid model entry: ${summary}`, { details });
}

function view(stored: StoredOverride): ModelEntryView {
  return {
    ...stored.facts,
    origin: 'override',
    version: stored.version,
    created_at: stored.created_at,
    updated_at: stored.updated_at,
  };
}

function withDates(entry: EffectiveModel, overrides: readonly StoredOverride[]): ModelEntryView {
  if (entry.origin !== 'override') return entry;
  const stored = overrides.find((o) => o.facts.id === entry.id);
  return stored === undefined ? entry : view(stored);
}
