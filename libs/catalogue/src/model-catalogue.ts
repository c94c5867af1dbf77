import { SHIPPED_MODELS } from './shipped-models';
import type { EffectiveModel, ModelFacts } from './model-facts';
import { ModelMatcher, type ModelMatch } from './matching/model-matcher';
import { normaliseModelId } from './matching/model-id';

/** An operator override as stored: the facts (shape of a GET entry) and its version. */
export interface ModelOverride {
  facts: ModelFacts;
  version: number;
}

/** One instance's deviations from the catalogue (`model_info`), merged over the matched facts. */
export type ModelInfo = Partial<Omit<ModelFacts, 'id'>>;

export interface ResolvedModel {
  /** The model id that was looked up. */
  model: string;
  facts: ModelFacts;
  /** How the catalogue entry matched; `model_info` when only the instance's own facts are known. */
  how: ModelMatch['how'] | 'model_info';
  origin: 'shipped' | 'override' | 'model_info';
}

/**
 * The effective catalogue: shipped entries plus operator overrides. Immutable; `withOverrides` builds the next
 * one when the overrides change (a lookup never sees a half-applied change).
 */
export class ModelCatalogue {
  /** Matches on the facts as `resolve` returns them (no origin or version), built once per catalogue. */
  private readonly matcher: ModelMatcher;
  private readonly entries: readonly EffectiveModel[];

  constructor(
    private readonly shipped: readonly ModelFacts[] = SHIPPED_MODELS,
    private readonly overrides: readonly ModelOverride[] = [],
  ) {
    const overridden = new Set(overrides.map((o) => normaliseModelId(o.facts.id)));
    const entries: EffectiveModel[] = [
      ...shipped
        .filter((facts) => !overridden.has(normaliseModelId(facts.id)))
        .map((facts): EffectiveModel => ({ ...facts, origin: 'shipped' })),
      ...overrides.map((o): EffectiveModel => ({ ...o.facts, origin: 'override', version: o.version })),
    ];
    this.entries = entries;
    this.matcher = new ModelMatcher(
      entries.map(({ origin, version: _version, ...facts }) => ({
        facts: Object.freeze(facts),
        override: origin === 'override',
      })),
    );
  }

  withOverrides(overrides: readonly ModelOverride[]): ModelCatalogue {
    return new ModelCatalogue(this.shipped, overrides);
  }

  list(): readonly EffectiveModel[] {
    return this.entries;
  }

  /** The entry with exactly this id (not matched), e.g. to show one entry. */
  entry(id: string): EffectiveModel | undefined {
    const wanted = normaliseModelId(id);
    return this.entries.find((e) => normaliseModelId(e.id) === wanted);
  }

  /** Facts for a model id, with one instance's `model_info` merged over them; undefined when unknown. */
  resolve(model: string, modelInfo?: ModelInfo): ResolvedModel | undefined {
    const match = this.matcher.match(model);
    const info = modelInfo !== undefined && Object.keys(modelInfo).length > 0 ? modelInfo : undefined;
    if (match === undefined) {
      if (info === undefined) return undefined;
      return {
        model,
        facts: { family: 'other', ...info, id: model },
        how: 'model_info',
        origin: 'model_info',
      };
    }
    // The matched facts are shared by every lookup (frozen): a request reads them, never changes them.
    return {
      model,
      facts: info === undefined ? match.facts : mergeFacts(match.facts, info),
      how: match.how,
      origin: info !== undefined ? 'model_info' : match.override ? 'override' : 'shipped',
    };
  }
}

function mergeFacts(base: ModelFacts, info: ModelInfo): ModelFacts {
  return {
    ...base,
    ...info,
    id: base.id,
    capabilities: { ...base.capabilities, ...info.capabilities },
    ...(base.conversion === undefined && info.conversion === undefined
      ? {}
      : { conversion: { ...base.conversion, ...info.conversion } }),
    prices:
      info.prices === undefined ? base.prices : ({ ...base.prices, ...info.prices } as ModelFacts['prices']),
  };
}
