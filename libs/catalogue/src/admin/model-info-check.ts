import type { ModelInfoCheck } from '@switchboard/routes/admin/route-model-warnings';
import { validateModelFacts } from '../validation/model-facts.validator';

/** An instance's `model_info` checked like a catalogue entry without `id` (routes validation calls it). */
export const checkModelInfo: ModelInfoCheck = (value, prefix) => {
  const checked = validateModelFacts(value, { partial: true, prefix });
  return { details: checked.details, value: checked.facts ?? value };
};
