import type { MissingCapability, ModelFacts } from '../model-facts';
import type { RequestNeeds } from './request-needs';

export type ServeVerdict = { ok: true } | { ok: false; missing: MissingCapability };

/**
 * Whether a model can serve a request. Only what the catalogue says a model lacks (`false`, or a context window
 * smaller than the prompt estimate) blocks it: an unknown model or an unknown fact keeps today's behaviour.
 */
export function canServe(needs: RequestNeeds, facts: ModelFacts | undefined): ServeVerdict {
  if (facts === undefined) return { ok: true };
  for (const capability of needs.capabilities) {
    if (facts.capabilities?.[capability] === false) return { ok: false, missing: capability };
  }
  if (facts.context_window !== undefined && needs.prompt_tokens_estimate > facts.context_window) {
    return { ok: false, missing: 'context_window' };
  }
  return { ok: true };
}

/** Words for an error message: what the request needs that a model lacks. */
export function describeMissing(missing: MissingCapability): string {
  switch (missing) {
    case 'images':
      return 'image input';
    case 'pdf':
      return 'PDF input';
    case 'tools':
      return 'tool calling';
    case 'parallel_tools':
      return 'parallel tool calls';
    case 'thinking':
      return 'extended thinking / reasoning';
    case 'json_schema':
      return 'JSON schema output';
    case 'prompt_cache':
      return 'prompt caching';
    case 'context_window':
      return 'a context window this long';
  }
}
