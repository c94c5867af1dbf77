import { isPlainObject } from '../validation/json-body';

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
    else if (isPlainObject(value) && isPlainObject(merged[key]))
      define(merged, key, mergePatch(merged[key], value));
    else define(merged, key, value);
  }
  return merged;
}

/** An own data property even for a key such as "__proto__" (which then fails validation as an unknown field). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
