import type { ModelFacts } from '../model-facts';
import { ANTHROPIC_MODELS } from './anthropic';
import { COMPATIBLE_MODELS } from './compatible';
import { DEEPSEEK_MODELS } from './deepseek';
import { OPENAI_MODELS } from './openai';

/** The catalogue shipped with this release (see README.md beside this file for how it was gathered). */
export const SHIPPED_MODELS: readonly ModelFacts[] = [
  ...ANTHROPIC_MODELS,
  ...OPENAI_MODELS,
  ...DEEPSEEK_MODELS,
  ...COMPATIBLE_MODELS,
];
