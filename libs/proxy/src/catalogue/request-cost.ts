import { costUsd, type CatalogueState } from '@switchboard/catalogue';
import type { TokenUsage } from '@switchboard/protocols';
import type { PlannedInstance } from '../routing/route-plan';
import { resolveAnsweringModel } from './attempt-model';

/** USD for one response's usage at the answering model's catalogue prices (unrounded); null when unpriced. */
export function requestCost(
  catalogue: CatalogueState,
  instance: PlannedInstance,
  clientModel: string,
  reportedModel: string | null,
  usage: TokenUsage,
): number | null {
  const model = resolveAnsweringModel(catalogue, instance, clientModel, reportedModel);
  return costUsd(usage, model?.facts.prices);
}
