import type { RouteConfig } from '@switchboard/routes/route.types';
import type { ModelCatalogue, ModelInfo } from '../model-catalogue';

/**
 * One warning per enabled instance whose upstream model (options.model, else each exact model of the route)
 * the catalogue does not know: today's behaviour applies to it (no max_tokens default, no capability check,
 * no cost).
 */
export function unknownModelWarnings(route: RouteConfig, catalogue: ModelCatalogue): string[] {
  const warnings: string[] = [];
  route.instances.forEach((instance, index) => {
    if (instance.enabled === false) return;
    const option = instance.options?.model;
    const models = typeof option === 'string' ? [option] : route.models.filter((m) => !m.includes('*'));
    const modelInfo = instance.extras?.model_info as ModelInfo | undefined;
    for (const model of models) {
      if (catalogue.resolve(model, modelInfo) !== undefined) continue;
      warnings.push(
        `instances.${index} (${instance.name}): model "${model}" is not in the model catalogue, so no max_tokens default, capability check or cost applies; add it with PUT /admin/models/${model} or the instance's model_info`,
      );
    }
  });
  return warnings;
}
