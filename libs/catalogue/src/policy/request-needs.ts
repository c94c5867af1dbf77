import type { Capability } from '../model-facts';

export type ClientProtocol = 'openai-chat' | 'anthropic-messages' | 'openai-responses';

/** What one request needs from the model that serves it. */
export interface RequestNeeds {
  capabilities: Capability[];
  /** A cheap prompt-length estimate (text characters / 4; images and files not counted). */
  prompt_tokens_estimate: number;
}

const CHARS_PER_TOKEN = 4;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class NeedsCollector {
  readonly found = new Set<Capability>();
  chars = 0;

  text(value: unknown): void {
    if (typeof value === 'string') this.chars += value.length;
  }

  /** Tool definitions count toward the prompt: their JSON text is what the model reads. */
  tools(value: unknown): void {
    if (!Array.isArray(value) || value.length === 0) return;
    this.found.add('tools');
    for (const tool of value) this.chars += JSON.stringify(tool)?.length ?? 0;
  }

  needs(): RequestNeeds {
    return {
      capabilities: [...this.found],
      prompt_tokens_estimate: Math.ceil(this.chars / CHARS_PER_TOKEN),
    };
  }
}

const isPdf = (mediaType: unknown, name: unknown, data: unknown): boolean =>
  mediaType === 'application/pdf' ||
  (typeof name === 'string' && name.toLowerCase().endsWith('.pdf')) ||
  (typeof data === 'string' && data.startsWith('data:application/pdf'));

/** One OpenAI Chat / Responses content part or Anthropic content block (nested tool_result content included). */
function visitPart(part: unknown, into: NeedsCollector): void {
  if (typeof part === 'string') return into.text(part);
  if (!isObject(part)) return;
  switch (part.type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      return into.text(part.text);
    case 'image_url':
    case 'input_image':
    case 'image':
      into.found.add('images');
      return;
    case 'file':
    case 'input_file': {
      const file = isObject(part.file) ? part.file : part;
      if (isPdf(undefined, file.filename, file.file_data)) into.found.add('pdf');
      return;
    }
    case 'document': {
      const source = isObject(part.source) ? part.source : {};
      if (source.type === 'text') return into.text(source.data);
      into.found.add('pdf');
      return;
    }
    case 'tool_result':
      return visitContent(part.content, into);
    case 'tool_use':
      into.chars += JSON.stringify(part.input ?? {}).length;
      return;
    default:
      return;
  }
}

function visitContent(content: unknown, into: NeedsCollector): void {
  if (typeof content === 'string') return into.text(content);
  if (Array.isArray(content)) for (const part of content) visitPart(part, into);
}

function openAiChat(body: Json, into: NeedsCollector): void {
  if (Array.isArray(body.messages)) {
    for (const message of body.messages) {
      if (!isObject(message)) continue;
      visitContent(message.content, into);
      if (Array.isArray(message.tool_calls)) into.chars += JSON.stringify(message.tool_calls).length;
    }
  }
  into.tools(body.tools);
  into.tools(body.functions);
  const effort = body.reasoning_effort;
  if (typeof effort === 'string' && effort !== 'none') into.found.add('thinking');
  if (isObject(body.response_format) && body.response_format.type === 'json_schema')
    into.found.add('json_schema');
}

function anthropicMessages(body: Json, into: NeedsCollector): void {
  visitContent(body.system, into);
  if (Array.isArray(body.messages)) {
    for (const message of body.messages) if (isObject(message)) visitContent(message.content, into);
  }
  into.tools(body.tools);
  if (isObject(body.thinking) && body.thinking.type !== 'disabled') into.found.add('thinking');
  const format = isObject(body.output_config) ? body.output_config.format : undefined;
  if (isObject(format) && format.type === 'json_schema') into.found.add('json_schema');
}

function openAiResponses(body: Json, into: NeedsCollector): void {
  into.text(body.instructions);
  if (typeof body.input === 'string') into.text(body.input);
  else if (Array.isArray(body.input)) {
    for (const item of body.input) {
      if (!isObject(item)) continue;
      visitContent(item.content, into);
      into.text(item.arguments);
      into.text(item.output);
    }
  }
  into.tools(body.tools);
  if (
    isObject(body.reasoning) &&
    typeof body.reasoning.effort === 'string' &&
    body.reasoning.effort !== 'none'
  )
    into.found.add('thinking');
  const format = isObject(body.text) ? body.text.format : undefined;
  if (isObject(format) && format.type === 'json_schema') into.found.add('json_schema');
}

/** The capabilities a client request needs, read from its body in the client's protocol. Never throws. */
export function requestNeeds(protocol: ClientProtocol, body: unknown): RequestNeeds {
  const into = new NeedsCollector();
  if (!isObject(body)) return into.needs();
  if (protocol === 'openai-chat') openAiChat(body, into);
  else if (protocol === 'anthropic-messages') anthropicMessages(body, into);
  else openAiResponses(body, into);
  return into.needs();
}
