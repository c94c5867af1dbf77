import type { CatalogueState, ModelInfo, ResolvedModel } from '@switchboard/catalogue';
import { sentModel } from '../exchange/upstream-body';
import type { PlannedInstance } from '../routing/route-plan';

/** The instance's deviations from the catalogue (route validation keeps `model_info` in its extras). */
function modelInfoOf(instance: PlannedInstance): ModelInfo | undefined {
  return instance.config.extras?.model_info as ModelInfo | undefined;
}

/** The catalogue facts for the model an attempt sends (`options.model`, else the client's); undefined when unknown. */
export function resolveInstanceModel(
  catalogue: CatalogueState,
  instance: PlannedInstance,
  clientModel: string,
): ResolvedModel | undefined {
  return catalogue.current.resolve(sentModel(instance, clientModel), modelInfoOf(instance));
}

/**
 * The facts a response is priced with: the model the upstream reported, else (unknown to the catalogue) the
 * model sent; the answering instance's `model_info` applies to both.
 */
export function resolveAnsweringModel(
  catalogue: CatalogueState,
  instance: PlannedInstance,
  clientModel: string,
  reportedModel: string | null,
): ResolvedModel | undefined {
  const info = modelInfoOf(instance);
  const reported = reportedModel === null ? undefined : catalogue.current.resolve(reportedModel, info);
  return reported ?? catalogue.current.resolve(sentModel(instance, clientModel), info);
}
