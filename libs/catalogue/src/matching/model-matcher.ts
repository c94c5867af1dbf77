import type { ModelFacts } from '../model-facts';
import { familyIdOf, isPattern, normaliseModelId, patternRegExp, patternSpecificity } from './model-id';

export interface MatchCandidate<T extends ModelFacts = ModelFacts> {
  facts: T;
  /** Operator overrides beat shipped entries at equal specificity. */
  override: boolean;
}

export interface ModelMatch<T extends ModelFacts = ModelFacts> {
  facts: T;
  override: boolean;
  how: 'exact' | 'family' | 'pattern';
}

interface CompiledPattern<T extends ModelFacts> {
  candidate: MatchCandidate<T>;
  regexp: RegExp;
  specificity: number;
}

/**
 * Finds the entry for a model id: exact id, then the family id (snapshot/alias stripped), then the most
 * specific pattern matching either. Immutable: build a new matcher when the entries change.
 */
export class ModelMatcher<T extends ModelFacts = ModelFacts> {
  private readonly exact = new Map<string, MatchCandidate<T>>();
  private readonly patterns: CompiledPattern<T>[] = [];

  constructor(candidates: readonly MatchCandidate<T>[]) {
    for (const candidate of candidates) {
      const id = normaliseModelId(candidate.facts.id);
      if (isPattern(id)) {
        this.patterns.push({ candidate, regexp: patternRegExp(id), specificity: patternSpecificity(id) });
        continue;
      }
      const existing = this.exact.get(id);
      if (existing === undefined || (candidate.override && !existing.override)) this.exact.set(id, candidate);
    }
    // Most specific first; an override first among equals.
    this.patterns.sort(
      (a, b) => b.specificity - a.specificity || Number(b.candidate.override) - Number(a.candidate.override),
    );
  }

  match(model: string): ModelMatch<T> | undefined {
    const id = normaliseModelId(model);
    if (id.length === 0) return undefined;
    const exact = this.exact.get(id);
    if (exact !== undefined) return { facts: exact.facts, override: exact.override, how: 'exact' };
    const family = familyIdOf(id);
    const byFamily = family === undefined ? undefined : this.exact.get(family);
    if (byFamily !== undefined) return { facts: byFamily.facts, override: byFamily.override, how: 'family' };
    for (const pattern of this.patterns) {
      if (pattern.regexp.test(id) || (family !== undefined && pattern.regexp.test(family))) {
        const { facts, override } = pattern.candidate;
        return { facts, override, how: 'pattern' };
      }
    }
    return undefined;
  }
}
