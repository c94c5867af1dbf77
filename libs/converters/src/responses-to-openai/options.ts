import { isJsonObject } from '@switchboard/protocols';
import type { UpstreamTarget } from '../converter.interface';

/**
 * Per-instance options for Responses clients on a converting upstream, read from `target.conversion`
 * (docs/conversion-matrix.md, "Per-instance options"). Unknown keys are ignored.
 */
export interface ResponsesClientOptions {
  /** `drop` (default): built-in tools are removed and reported; `reject`: a 400 naming the tool. */
  builtinTools: 'drop' | 'reject';
}

export function readResponsesClientOptions(target: UpstreamTarget): ResponsesClientOptions {
  const raw = isJsonObject(target.conversion) ? target.conversion : {};
  return { builtinTools: raw.builtin_tools === 'reject' ? 'reject' : 'drop' };
}

/** Providers that speak OpenAI's own dialect (developer role, verbosity, prompt_cache_key, service_tier). */
export function isOpenAiProvider(target: UpstreamTarget): boolean {
  return target.provider === 'openai' || target.provider === 'azure-openai';
}
