/**
 * OpenAI Chat Completions wire shapes (the subset Switchboard reads or writes). Incoming bodies are untrusted, so
 * converters still check shapes at run time; these types describe what is sent.
 */

export interface OpenAiTextPart {
  type: 'text';
  text: string;
}
export interface OpenAiImagePart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}
export interface OpenAiFilePart {
  type: 'file';
  file: { file_data?: string; file_id?: string; filename?: string };
}
export interface OpenAiRefusalPart {
  type: 'refusal';
  refusal: string;
}
/** User-side content parts Switchboard sends upstream (text, image_url, file). */
export type OpenAiUserContentPart = OpenAiTextPart | OpenAiImagePart | OpenAiFilePart;

export interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** litellm-style signed reasoning blocks, carried beside `reasoning_content`. */
export type OpenAiThinkingBlock =
  { type: 'thinking'; thinking: string; signature: string } | { type: 'redacted_thinking'; data: string };

export interface OpenAiSystemMessage {
  role: 'system' | 'developer';
  content: string | OpenAiTextPart[];
  name?: string;
}
export interface OpenAiUserMessage {
  role: 'user';
  content: string | OpenAiUserContentPart[];
  name?: string;
}
export interface OpenAiAssistantMessage {
  role: 'assistant';
  content?: string | (OpenAiTextPart | OpenAiRefusalPart)[] | null;
  refusal?: string | null;
  name?: string;
  tool_calls?: OpenAiToolCall[];
  /** De-facto extension (DeepSeek, vLLM, OpenRouter): the model's reasoning text. */
  reasoning_content?: string;
  thinking_blocks?: OpenAiThinkingBlock[];
}
export interface OpenAiToolMessage {
  role: 'tool';
  tool_call_id: string;
  content: string | OpenAiTextPart[];
}
export type OpenAiMessage =
  OpenAiSystemMessage | OpenAiUserMessage | OpenAiAssistantMessage | OpenAiToolMessage;

export interface OpenAiFunctionTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

export type OpenAiToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: 'allowed_tools'; allowed_tools: { mode: 'auto' | 'required'; tools: unknown[] } };

export type OpenAiReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface OpenAiChatRequest {
  model: string;
  messages: OpenAiMessage[];
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stop?: string | string[] | null;
  n?: number | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean; include_obfuscation?: boolean } | null;
  tools?: OpenAiFunctionTool[];
  tool_choice?: OpenAiToolChoice;
  parallel_tool_calls?: boolean;
  response_format?:
    | { type: 'text' }
    | { type: 'json_object' }
    | {
        type: 'json_schema';
        json_schema: { name: string; description?: string; schema?: object; strict?: boolean };
      };
  reasoning_effort?: OpenAiReasoningEffort | null;
  user?: string;
  safety_identifier?: string;
  [field: string]: unknown;
}

export type OpenAiFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number; audio_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
}

export interface OpenAiResponseMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: OpenAiToolCall[];
  reasoning_content?: string;
}

export interface OpenAiChatResponse {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: OpenAiResponseMessage;
    finish_reason: OpenAiFinishReason;
    logprobs: null;
  }[];
  usage?: OpenAiUsage;
}

export interface OpenAiToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface OpenAiChunkDelta {
  role?: 'assistant';
  content?: string | null;
  /** Extension, as DeepSeek/vLLM/OpenRouter stream reasoning. */
  reasoning_content?: string;
  refusal?: string | null;
  tool_calls?: OpenAiToolCallDelta[];
}

export interface OpenAiChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: {
    index: number;
    delta: OpenAiChunkDelta;
    logprobs?: null;
    finish_reason: OpenAiFinishReason | null;
  }[];
  usage?: OpenAiUsage | null;
}

/** What an OpenAI stream carries, as typed events: chunks, the in-stream error frame, the terminator. */
export type OpenAiChatStreamEvent =
  { kind: 'chunk'; chunk: OpenAiChatChunk } | { kind: 'error'; error: OpenAiErrorObject } | { kind: 'done' };

export interface OpenAiErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export interface OpenAiErrorBody {
  error: OpenAiErrorObject;
}
