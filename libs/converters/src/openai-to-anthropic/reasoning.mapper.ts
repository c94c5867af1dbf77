import type { AnthropicThinkingConfig } from '@switchboard/protocols';
import type { OpenAiToAnthropicOptions } from './options';
import { invalidRequest } from '../shared/request-error';

/** `reasoning_effort` → Anthropic thinking (conversion-spec §2.7). */

const EFFORTS = new Set(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']);

export interface MappedReasoning {
  thinking?: AnthropicThinkingConfig;
  effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max';
  budget?: number;
}

export function mapReasoning(raw: unknown, options: OpenAiToAnthropicOptions): MappedReasoning {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'string' || !EFFORTS.has(raw)) {
    throw invalidRequest(
      'reasoning_effort',
      'reasoning_effort must be none, minimal, low, medium, high, xhigh or max.',
    );
  }
  if (raw === 'none') return {};
  if (options.thinkingMode === 'adaptive') {
    const effort = raw === 'minimal' ? 'low' : (raw as MappedReasoning['effort']);
    return { thinking: { type: 'adaptive' }, effort };
  }
  const budget = options.reasoningBudgets[raw] ?? 1024;
  return { thinking: { type: 'enabled', budget_tokens: budget }, budget };
}
