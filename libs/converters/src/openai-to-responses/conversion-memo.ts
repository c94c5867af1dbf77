import type { ConversionMemo } from '../converter.interface';

/** What the request side of a Chat → Responses attempt hands to its response side. */
export interface OpenAiToResponsesMemo {
  /** Model the client asked for (used when the upstream does not report one). */
  model: string;
  /** Upstream tool name → client tool name, for shortened/sanitized names only. */
  toolNames: Record<string, string>;
  /** The client asked for `stream_options.include_usage`: a usage chunk before `[DONE]`. */
  includeUsage: boolean;
  exposeReasoning: boolean;
}

export function toMemo(memo: OpenAiToResponsesMemo): ConversionMemo {
  return memo as unknown as ConversionMemo;
}

/** Reads a memo back, tolerating a missing or foreign one (e.g. in tests). */
export function readMemo(memo: ConversionMemo | undefined): OpenAiToResponsesMemo {
  const raw = (memo ?? {}) as Partial<OpenAiToResponsesMemo>;
  return {
    model: typeof raw.model === 'string' ? raw.model : '',
    toolNames:
      typeof raw.toolNames === 'object' && raw.toolNames !== null && !Array.isArray(raw.toolNames)
        ? raw.toolNames
        : {},
    includeUsage: raw.includeUsage === true,
    exposeReasoning: raw.exposeReasoning !== false,
  };
}
