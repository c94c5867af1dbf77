import {
  decodeThinkingCarrier,
  type OpenAiUserContentPart,
  isJsonObject,
  type JsonObject,
} from '@switchboard/protocols';
import { invalidRequest } from '../shared/request-error';
import { upstreamToolName, type MappedTools } from './tools.mapper';

/**
 * Responses `input` (+ `instructions`) → Chat `messages` (responses-spec §7.2). Consecutive `function_call` items
 * join one assistant message (after its text, if adjacent); outputs become `tool` messages (`custom_tool_call`s too, their raw `input` as the converted function's
 * one `input` argument); `reasoning` items are
 * kept only as `thinking_blocks` when they carry Switchboard's signature carrier and the upstream takes them
 * (`keepThinking`), since OpenAI blobs mean nothing elsewhere; history items of built-in tools are dropped.
 */

export type ChatMessage = JsonObject & { role: string };

export interface InputMapping {
  /** `developer` for OpenAI's own upstreams, `system` elsewhere. */
  instructionRole: 'developer' | 'system';
  /** Keep Anthropic thinking (from the carrier) on assistant messages as `thinking_blocks`. */
  keepThinking: boolean;
  tools: MappedTools;
}

const BUILTIN_HISTORY = new Set([
  'web_search_call',
  'file_search_call',
  'computer_call',
  'computer_call_output',
  'code_interpreter_call',
  'image_generation_call',
  'local_shell_call',
  'local_shell_call_output',
  'shell_call',
  'shell_call_output',
  'apply_patch_call',
  'apply_patch_call_output',
  'mcp_call',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
  'tool_search_call',
  'tool_search_output',
  'compaction',
]);

function userPart(part: unknown, path: string): OpenAiUserContentPart | undefined {
  if (!isJsonObject(part)) throw invalidRequest(path, `${path} must be an object.`);
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      if (typeof part.text !== 'string')
        throw invalidRequest(`${path}.text`, `${path}.text must be a string.`);
      return { type: 'text', text: part.text };
    case 'input_image': {
      if (typeof part.image_url !== 'string') {
        throw invalidRequest(
          path,
          `${path}: only image_url images are supported on this route (no file_id).`,
        );
      }
      const detail = part.detail === 'low' || part.detail === 'high' ? part.detail : 'auto';
      return { type: 'image_url', image_url: { url: part.image_url, detail } };
    }
    case 'input_file': {
      if (typeof part.file_data !== 'string') {
        throw invalidRequest(path, `${path}: only inline file_data files are supported on this route.`);
      }
      const file: { file_data: string; filename?: string } = { file_data: part.file_data };
      if (typeof part.filename === 'string') file.filename = part.filename;
      return { type: 'file', file };
    }
    case 'refusal':
      return undefined;
    default:
      throw invalidRequest(`${path}.type`, `${path}.type '${String(part.type)}' is not supported.`);
  }
}

function contentOf(content: unknown, path: string): string | OpenAiUserContentPart[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalidRequest(path, `${path} must be a string or an array of parts.`);
  const parts: OpenAiUserContentPart[] = [];
  content.forEach((part, k) => {
    const mapped = userPart(part, `${path}[${k}]`);
    if (mapped) parts.push(mapped);
  });
  return parts;
}

const textOf = (content: string | OpenAiUserContentPart[]): string =>
  typeof content === 'string' ? content : content.map((p) => (p.type === 'text' ? p.text : '')).join('');

function toolOutputOf(output: unknown, path: string): string {
  if (typeof output === 'string') return output;
  if (!Array.isArray(output)) throw invalidRequest(path, `${path} must be a string or an array of parts.`);
  return output
    .map((part) => {
      if (isJsonObject(part) && typeof part.text === 'string') return part.text;
      return isJsonObject(part) ? `[${String(part.type)} omitted]` : '';
    })
    .join('');
}

function thinkingOf(item: JsonObject): JsonObject | undefined {
  const carrier = decodeThinkingCarrier(item.encrypted_content);
  if (!carrier) return undefined;
  if ('redacted' in carrier) return { type: 'redacted_thinking', data: carrier.redacted };
  const summary = Array.isArray(item.summary) ? item.summary : [];
  const thinking = summary.map((s) => (isJsonObject(s) && typeof s.text === 'string' ? s.text : '')).join('');
  return { type: 'thinking', thinking, signature: carrier.signature };
}

export function mapInput(body: JsonObject, mapping: InputMapping): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (typeof body.instructions === 'string' && body.instructions.length > 0) {
    messages.push({ role: mapping.instructionRole, content: body.instructions });
  }
  if (typeof body.input === 'string') {
    messages.push({ role: 'user', content: body.input });
    return messages;
  }
  if (!Array.isArray(body.input))
    throw invalidRequest('input', 'input must be a string or an array of items.');

  let pendingThinking: JsonObject[] = [];
  /** The assistant message function calls may still join (no other message came after it). */
  let openAssistant: ChatMessage | undefined;
  const assistant = (): ChatMessage => {
    if (openAssistant) return openAssistant;
    openAssistant = { role: 'assistant', content: null };
    if (pendingThinking.length > 0) openAssistant.thinking_blocks = pendingThinking;
    pendingThinking = [];
    messages.push(openAssistant);
    return openAssistant;
  };

  body.input.forEach((item, i) => {
    const path = `input[${i}]`;
    if (!isJsonObject(item)) throw invalidRequest(path, `${path} must be an object.`);
    const type = item.type ?? (typeof item.role === 'string' ? 'message' : undefined);
    if (type === 'message') {
      const role = item.role;
      const content = contentOf(item.content, `${path}.content`);
      if (role === 'assistant') {
        openAssistant = undefined;
        const message = assistant();
        message.content = textOf(content);
        const refusal = Array.isArray(item.content)
          ? item.content.find((p) => isJsonObject(p) && p.type === 'refusal' && typeof p.refusal === 'string')
          : undefined;
        if (isJsonObject(refusal)) message.refusal = refusal.refusal;
        return;
      }
      if (role !== 'user' && role !== 'system' && role !== 'developer') {
        throw invalidRequest(`${path}.role`, `${path}.role must be user, assistant, system or developer.`);
      }
      openAssistant = undefined;
      const chatRole = role === 'user' ? 'user' : role === 'developer' ? mapping.instructionRole : 'system';
      messages.push({ role: chatRole, content: chatRole === 'user' ? content : textOf(content) });
      return;
    }
    if (type === 'function_call' || type === 'custom_tool_call') {
      if (typeof item.call_id !== 'string' || typeof item.name !== 'string') {
        throw invalidRequest(path, `${path} needs call_id and name strings.`);
      }
      const namespace = typeof item.namespace === 'string' ? item.namespace : undefined;
      const message = assistant();
      const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
      const args =
        type === 'custom_tool_call'
          ? JSON.stringify({ input: typeof item.input === 'string' ? item.input : '' })
          : typeof item.arguments === 'string' && item.arguments
            ? item.arguments
            : '{}';
      calls.push({
        id: item.call_id,
        type: 'function',
        function: { name: upstreamToolName(mapping.tools, item.name, namespace), arguments: args },
      });
      message.tool_calls = calls;
      return;
    }
    if (type === 'function_call_output' || type === 'custom_tool_call_output') {
      if (typeof item.call_id !== 'string')
        throw invalidRequest(`${path}.call_id`, `${path}.call_id must be a string.`);
      openAssistant = undefined;
      messages.push({
        role: 'tool',
        tool_call_id: item.call_id,
        content: toolOutputOf(item.output, `${path}.output`),
      });
      return;
    }
    if (type === 'reasoning') {
      const thinking = mapping.keepThinking ? thinkingOf(item) : undefined;
      if (thinking) {
        openAssistant = undefined;
        pendingThinking.push(thinking);
      }
      return;
    }
    if (type === 'item_reference') {
      throw invalidRequest(path, `Item with id '${String(item.id)}' not found.`);
    }
    if (typeof type === 'string' && BUILTIN_HISTORY.has(type)) return;
    throw invalidRequest(`${path}.type`, `${path}.type '${String(type)}' is not supported.`);
  });
  return messages;
}
