import type { ModelFacts } from '../model-facts';
import { ANTHROPIC_MODELS } from './anthropic';
import { ANTHROPIC_CURRENT_MODELS } from './anthropic-current';
import { COMPATIBLE_MODELS } from './compatible';
import { DEEPSEEK_MODELS } from './deepseek';
import { OPENAI_MODELS } from './openai';
import { OPENAI_CURRENT_MODELS } from './openai-current';

/** The catalogue shipped with this release (see README.md beside this file for how it was gathered). */
export const SHIPPED_MODELS: readonly ModelFacts[] = [
  ...ANTHROPIC_CURRENT_MODELS,
  ...ANTHROPIC_MODELS,
  ...OPENAI_CURRENT_MODELS,
  ...OPENAI_MODELS,
  ...DEEPSEEK_MODELS,
  ...COMPATIBLE_MODELS,
];
