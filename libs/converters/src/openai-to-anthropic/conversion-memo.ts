import type { ConversionMemo } from '../converter.interface';

/** What the request side of an OpenAI → Anthropic attempt hands to its response side. */
export interface OpenAiToAnthropicMemo {
  /** Model the client asked for (used when the upstream does not report one). */
  model: string;
  /** Upstream tool name → client tool name, for shortened/sanitized names only. */
  toolNames: Record<string, string>;
  /** Name of the tool emulating `response_format` (its call becomes message content), if any. */
  jsonTool?: string;
  /** The JSON-mode tool wraps a non-object schema as `{value: …}`: unwrap it. */
  jsonUnwrap?: boolean;
  includeUsage: boolean;
  exposeReasoning: boolean;
}

export function toMemo(memo: OpenAiToAnthropicMemo): ConversionMemo {
  return memo as unknown as ConversionMemo;
}

/** Reads a memo back, tolerating a missing or foreign one (e.g. in tests). */
export function readMemo(memo: ConversionMemo | undefined): OpenAiToAnthropicMemo {
  const raw = (memo ?? {}) as Partial<OpenAiToAnthropicMemo>;
  return {
    model: typeof raw.model === 'string' ? raw.model : '',
    toolNames: raw.toolNames ?? {},
    jsonTool: raw.jsonTool,
    jsonUnwrap: raw.jsonUnwrap === true,
    includeUsage: raw.includeUsage === true,
    exposeReasoning: raw.exposeReasoning !== false,
  };
}
