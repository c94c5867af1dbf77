import type { ResponsesSummaryText } from './responses.types';

/**
 * Request-side shapes of `POST /v1/responses` that Switchboard writes toward a Responses upstream
 * (responses-spec §2). Only the members a converter emits; the SPEC's `CreateResponse` has many more.
 */

export interface ResponsesInputText {
  type: 'input_text';
  text: string;
}
export interface ResponsesInputImage {
  type: 'input_image';
  /** A URL or a `data:` URL. */
  image_url: string;
  detail: 'auto' | 'low' | 'high';
}
export interface ResponsesInputFile {
  type: 'input_file';
  filename?: string;
  /** A `data:` URL. */
  file_data?: string;
  file_url?: string;
}
export type ResponsesInputContent = ResponsesInputText | ResponsesInputImage | ResponsesInputFile;

export interface ResponsesInputMessage {
  type: 'message';
  role: 'user' | 'system' | 'developer';
  content: ResponsesInputContent[];
}
/** Prior assistant text replayed by a stateless client (the easy-message form: string content). */
export interface ResponsesAssistantInputMessage {
  type: 'message';
  role: 'assistant';
  content: string;
}
export interface ResponsesFunctionCallInput {
  type: 'function_call';
  call_id: string;
  name: string;
  arguments: string;
}
export interface ResponsesFunctionCallOutputInput {
  type: 'function_call_output';
  call_id: string;
  output: string | ResponsesInputContent[];
}
export interface ResponsesReasoningInput {
  type: 'reasoning';
  id: string;
  summary: ResponsesSummaryText[];
  encrypted_content?: string;
}
export type ResponsesInputItem =
  | ResponsesInputMessage
  | ResponsesAssistantInputMessage
  | ResponsesFunctionCallInput
  | ResponsesFunctionCallOutputInput
  | ResponsesReasoningInput;

/** A flat function tool (`parameters` and `strict` are required, both nullable). */
export interface ResponsesFunctionTool {
  type: 'function';
  name: string;
  description?: string;
  parameters: Record<string, unknown> | null;
  strict: boolean | null;
}
export type ResponsesToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; name: string };
export type ResponsesReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

export interface ResponsesCreateRequest {
  model: string;
  input: ResponsesInputItem[];
  instructions?: string;
  tools?: ResponsesFunctionTool[];
  tool_choice?: ResponsesToolChoice;
  parallel_tool_calls?: boolean;
  max_output_tokens?: number;
  temperature?: number;
  top_p?: number;
  reasoning?: { effort: ResponsesReasoningEffort; summary: 'auto' | 'concise' | 'detailed' };
  include?: 'reasoning.encrypted_content'[];
  text?: { format: { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict: boolean } };
  safety_identifier?: string;
  /** Deprecated in favour of `safety_identifier`, but without its 64-character limit. */
  user?: string;
  service_tier?: 'auto' | 'default';
  store: boolean;
  stream?: boolean;
}
