import type { Protocol } from '@switchboard/protocols';

/** An error the data plane answers itself, before or instead of an upstream response. */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** OpenAI `error.code` override (e.g. `model_not_found`). */
    readonly openAiCode?: string,
  ) {
    super(message);
  }
}

export function clientProtocolOf(path: string): Protocol {
  if (path.startsWith('/v1/responses')) return 'openai-responses';
  return path.startsWith('/v1/messages') ? 'anthropic-messages' : 'openai-chat';
}
