import type { ModelInfo, ResolvedModel } from '@switchboard/catalogue';
import type { CatalogueState } from '@switchboard/catalogue';
import type { PlannedInstance } from '../routing/route-plan';

/** The model an attempt is matched against: the instance's `options.model`, else the client's. */
export function upstreamModelOf(instance: PlannedInstance, clientModel: string): string {
  const model = instance.config.options?.model;
  return typeof model === 'string' && model.length > 0 ? model : clientModel;
}

/** The catalogue facts for one instance's model (its `model_info` merged in); undefined when unknown. */
export function resolveInstanceModel(
  catalogue: CatalogueState,
  instance: PlannedInstance,
  clientModel: string,
): ResolvedModel | undefined {
  // Route validation keeps an instance's `model_info` in its extras.
  const modelInfo = instance.config.extras?.model_info as ModelInfo | undefined;
  return catalogue.current.resolve(upstreamModelOf(instance, clientModel), modelInfo);
}
