/** Model id normalisation: dated snapshots and `-latest` aliases resolve to their family id. */

// -20250929, -2024-08-06, @20250929 (Vertex), -latest
const SNAPSHOT_SUFFIX = /(?:[-@]\d{8}|-\d{4}-\d{2}-\d{2}|-latest)$/;

export function normaliseModelId(model: string): string {
  return model.trim().toLowerCase();
}

/** The family id a snapshot or alias stands for, or undefined when the id carries neither. */
export function familyIdOf(model: string): string | undefined {
  const stripped = model.replace(SNAPSHOT_SUFFIX, '');
  return stripped !== model && stripped.length > 0 ? stripped : undefined;
}

export function isPattern(id: string): boolean {
  return id.includes('*');
}

export function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Literal characters of a pattern: more of them is more specific. */
export function patternSpecificity(pattern: string): number {
  return pattern.replace(/\*/g, '').length;
}
