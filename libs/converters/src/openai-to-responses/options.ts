import { isJsonObject } from '@switchboard/protocols';
import type { UpstreamTarget } from '../converter.interface';

/**
 * Per-instance options for Chat Completions clients on a Responses upstream, read from `target.conversion`
 * (docs/conversion-matrix.md, "Per-instance options"). Unknown keys are ignored.
 */
export interface OpenAiToResponsesOptions {
  /** Reasoning summaries reach the client as `reasoning_content` (and `reasoning.summary` is asked for). */
  exposeReasoning: boolean;
  /** `reasoning.summary` sent with a `reasoning_effort` when reasoning is exposed. */
  reasoningSummary: 'auto' | 'concise' | 'detailed';
  /** Responses has no stop sequences: `reject` (default) refuses a request that sets any, `drop` sends it without. */
  stopSequences: 'reject' | 'drop';
}

const SUMMARIES = new Set(['auto', 'concise', 'detailed']);

export function readOptions(target: UpstreamTarget): OpenAiToResponsesOptions {
  const raw = isJsonObject(target.conversion) ? target.conversion : {};
  const summary = raw.reasoning_summary;
  return {
    exposeReasoning: raw.expose_reasoning !== false,
    reasoningSummary:
      typeof summary === 'string' && SUMMARIES.has(summary)
        ? (summary as OpenAiToResponsesOptions['reasoningSummary'])
        : 'auto',
    stopSequences: raw.stop_sequences === 'drop' ? 'drop' : 'reject',
  };
}
