import type { ErrorDetail } from '@switchboard/common/errors';
import type { ModelInfoCheck } from '../admin/route-model-warnings';

/**
 * Model-catalogue fields, implemented but kept in `extras` (stored and returned in place, no warning):
 * route `capability_routing` (boolean, default true) and instance `model_info` (that instance's deviations
 * from the catalogue, same shape as a catalogue entry without `id`).
 */
type Json = Record<string, unknown>;

export function takeRouteCatalogueFields(route: Json, details: ErrorDetail[]): Json {
  if (!('capability_routing' in route)) return {};
  const value = route.capability_routing;
  delete route.capability_routing;
  if (typeof value !== 'boolean')
    details.push({ path: 'capability_routing', message: 'must be true or false' });
  return { capability_routing: value };
}

/** `check` (the catalogue's rules, see RouteModelWarnings) validates the contents; without it, any object passes. */
export function takeInstanceCatalogueFields(
  instance: Json,
  prefix: string,
  details: ErrorDetail[],
  check: ModelInfoCheck | undefined,
): Json {
  if (!('model_info' in instance)) return {};
  const value = instance.model_info;
  delete instance.model_info;
  if (check === undefined) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      details.push({
        path: `${prefix}model_info`,
        message: 'must be an object (a catalogue entry without id)',
      });
    return { model_info: value };
  }
  const checked = check(value, `${prefix}model_info.`);
  details.push(...checked.details.map((d) => ({ ...d, path: d.path.replace(/\.$/, '') })));
  return { model_info: checked.value };
}
