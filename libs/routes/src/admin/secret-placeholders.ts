import type { ErrorDetail } from '@switchboard/common/errors';
import type { RouteConfig } from '../route.types';
import type { RouteInput } from '../validation/route-input';
import { SECRET_PLACEHOLDER } from './route-view';

/**
 * Replaces each "******" under an instance's `auth` with the value stored for the same instance name and the
 * same header/query key, so a GET → edit → PUT round trip keeps the keys. Returns one detail per placeholder
 * that has nothing stored behind it (the caller answers 400).
 */
export function resolveSecretPlaceholders(input: RouteInput, previous: RouteConfig | null): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  input.instances.forEach((instance, index) => {
    const stored = previous?.instances.find((candidate) => candidate.name === instance.name);
    for (const part of ['header', 'query'] as const) {
      const values = instance.auth[part];
      for (const [key, value] of Object.entries(values)) {
        if (value !== SECRET_PLACEHOLDER) continue;
        const kept = stored?.auth[part][key];
        if (kept !== undefined) values[key] = kept;
        else
          details.push({
            path: `instances.${index}.auth.${part}.${key}`,
            message: `"${SECRET_PLACEHOLDER}" keeps a stored secret, but instance "${instance.name}" has no stored auth.${part} "${key}"`,
          });
      }
    }
  });
  return details;
}
