import { isPlainObject } from '../validation/route-validator';

/**
 * PATCH semantics: objects merge recursively, arrays and scalars replace, `null` removes the field
 * (so its default applies again). Returns a new object; neither input is modified.
 */
export function mergePatch(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(merged[key])) merged[key] = mergePatch(merged[key], value);
    else merged[key] = value;
  }
  return merged;
}
