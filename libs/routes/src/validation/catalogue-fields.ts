import type { ErrorDetail } from '@switchboard/common/errors';
import { validateModelFacts } from '@switchboard/catalogue/validation/model-facts.validator';

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

export function takeInstanceCatalogueFields(instance: Json, prefix: string, details: ErrorDetail[]): Json {
  if (!('model_info' in instance)) return {};
  const value = instance.model_info;
  delete instance.model_info;
  const checked = validateModelFacts(value, { partial: true, prefix: `${prefix}model_info.` });
  details.push(...checked.details.map((d) => ({ ...d, path: d.path.replace(/\.$/, '') })));
  return { model_info: checked.facts ?? value };
}
