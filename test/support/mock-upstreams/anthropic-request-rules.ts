/**
 * What the Anthropic Messages API turns down with 400 invalid_request_error, as the mock checks it.
 * Messages follow the real API's wording (`<path>: <problem>`). Returns the first problem, or undefined.
 */

import { anthropicModelProblem } from './anthropic-model-rules';

type Json = Record<string, unknown>;

const MESSAGE_FIELDS = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'service_tier',
  'container',
  'mcp_servers',
  'context_management',
  'output_config',
  'output_format',
  'inference_geo',
]);

const COUNT_TOKENS_FIELDS = new Set([
  'model',
  'messages',
  'system',
  'tools',
  'tool_choice',
  'thinking',
  'mcp_servers',
  'context_management',
  'output_config',
  'output_format',
]);

const BLOCK_FIELDS: Record<string, string[]> = {
  text: ['type', 'text', 'cache_control', 'citations'],
  image: ['type', 'source', 'cache_control'],
  document: ['type', 'source', 'title', 'context', 'citations', 'cache_control'],
  tool_use: ['type', 'id', 'name', 'input', 'cache_control'],
  tool_result: ['type', 'tool_use_id', 'content', 'is_error', 'cache_control'],
  thinking: ['type', 'thinking', 'signature'],
  redacted_thinking: ['type', 'data'],
  search_result: ['type', 'source', 'title', 'content', 'citations', 'cache_control'],
};

const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

export function anthropicRequestProblem(
  body: unknown,
  operation: 'messages' | 'count_tokens',
): string | undefined {
  if (!isObject(body)) return 'Input should be an object';
  const allowed = operation === 'messages' ? MESSAGE_FIELDS : COUNT_TOKENS_FIELDS;
  for (const field of Object.keys(body)) {
    if (!allowed.has(field)) return `${field}: Extra inputs are not permitted`;
  }
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (!Array.isArray(body.messages)) return 'messages: Field required';
  if (operation === 'messages') {
    if (body.max_tokens === undefined) return 'max_tokens: Field required';
    if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
      return 'max_tokens: Input should be a valid integer greater than or equal to 1';
    }
    if (body.stream !== undefined && typeof body.stream !== 'boolean') {
      return 'stream: Input should be a valid boolean';
    }
  }
  if (body.temperature !== undefined) {
    const t = body.temperature;
    if (typeof t !== 'number' || t < 0 || t > 1)
      return 'temperature: Input should be less than or equal to 1';
  }
  return (
    systemProblem(body.system) ??
    messagesProblem(body.messages) ??
    toolsProblem(body.tools) ??
    toolChoiceProblem(body.tool_choice) ??
    (operation === 'messages' ? anthropicModelProblem(body) : undefined)
  );
}

function systemProblem(system: unknown): string | undefined {
  if (system === undefined || typeof system === 'string') return undefined;
  if (!Array.isArray(system)) return 'system: Input should be a valid string or list';
  for (const [i, block] of system.entries()) {
    if (!isObject(block) || block.type !== 'text') return `system.${i}.type: Input should be 'text'`;
    const problem = blockProblem(block, `system.${i}`);
    if (problem) return problem;
  }
  return undefined;
}

function messagesProblem(messages: unknown[]): string | undefined {
  for (const [i, message] of messages.entries()) {
    const path = `messages.${i}`;
    if (!isObject(message)) return `${path}: Input should be a valid dictionary`;
    for (const field of Object.keys(message)) {
      if (field !== 'role' && field !== 'content') return `${path}.${field}: Extra inputs are not permitted`;
    }
    if (message.role === 'system') {
      return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
    }
    if (message.role !== 'user' && message.role !== 'assistant') {
      return `${path}.role: Input should be 'user' or 'assistant'`;
    }
    const content = message.content;
    if (typeof content === 'string') {
      if (content === '' && !(message.role === 'assistant' && i === messages.length - 1)) {
        return `${path}: all messages must have non-empty content except for the optional final assistant message`;
      }
      continue;
    }
    if (!Array.isArray(content)) return `${path}.content: Field required`;
    for (const [j, block] of content.entries()) {
      const problem = blockProblem(block, `${path}.content.${j}`);
      if (problem) return problem;
    }
  }
  return toolPairingProblem(messages as Json[]);
}

function blockProblem(block: unknown, path: string): string | undefined {
  if (!isObject(block)) return `${path}: Input should be a valid dictionary`;
  const type = block.type;
  if (typeof type !== 'string') return `${path}.type: Field required`;
  const fields = BLOCK_FIELDS[type];
  if (!fields)
    return `${path}.type: Input tag '${type}' found using 'type' does not match any of the expected tags`;
  for (const field of Object.keys(block)) {
    if (!fields.includes(field)) return `${path}.${type}.${field}: Extra inputs are not permitted`;
  }
  switch (type) {
    case 'text':
      if (typeof block.text !== 'string') return `${path}.text.text: Field required`;
      if (block.text === '') return 'messages: text content blocks must be non-empty';
      return undefined;
    case 'image':
      return imageSourceProblem(block.source, `${path}.image.source`);
    case 'tool_use':
      if (typeof block.id !== 'string' || !/^[a-zA-Z0-9_-]+$/.test(block.id)) {
        return `${path}.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      }
      if (typeof block.name !== 'string') return `${path}.tool_use.name: Field required`;
      if (!isObject(block.input)) return `${path}.tool_use.input: Input should be a valid dictionary`;
      return undefined;
    case 'tool_result': {
      if (typeof block.tool_use_id !== 'string') return `${path}.tool_result.tool_use_id: Field required`;
      const content = block.content;
      if (content === undefined || typeof content === 'string') return undefined;
      if (!Array.isArray(content)) return `${path}.tool_result.content: Input should be a valid list`;
      for (const [k, inner] of content.entries()) {
        if (
          !isObject(inner) ||
          !['text', 'image', 'document', 'search_result'].includes(inner.type as string)
        ) {
          return `${path}.tool_result.content.${k}: Input tag does not match any of the expected tags`;
        }
        const problem = blockProblem(inner, `${path}.tool_result.content.${k}`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'thinking':
      if (typeof block.thinking !== 'string') return `${path}.thinking.thinking: Field required`;
      if (typeof block.signature !== 'string') return `${path}.thinking.signature: Field required`;
      return undefined;
    default:
      return undefined;
  }
}

function imageSourceProblem(source: unknown, path: string): string | undefined {
  if (!isObject(source)) return `${path}: Field required`;
  if (source.type === 'base64') {
    for (const field of Object.keys(source)) {
      if (!['type', 'media_type', 'data'].includes(field))
        return `${path}.base64.${field}: Extra inputs are not permitted`;
    }
    if (!IMAGE_MEDIA_TYPES.includes(source.media_type as string)) {
      return `${path}.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`;
    }
    if (typeof source.data !== 'string' || source.data === '' || source.data.startsWith('data:')) {
      return `${path}.base64.data: Image does not match the provided media type`;
    }
    return undefined;
  }
  if (source.type === 'url') {
    if (typeof source.url !== 'string' || !/^https?:\/\//.test(source.url))
      return `${path}.url.url: Field required`;
    return undefined;
  }
  return `${path}: Input tag '${String(source.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`;
}

/** The API requires every tool_use to be answered by a tool_result in the very next message, and vice versa. */
function toolPairingProblem(messages: Json[]): string | undefined {
  for (const [i, message] of messages.entries()) {
    const blocks = Array.isArray(message.content) ? (message.content as Json[]) : [];
    if (message.role === 'user') {
      const resultIds = blocks.filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id as string);
      if (resultIds.length === 0) continue;
      const previous = messages[i - 1];
      const useIds = new Set(
        previous?.role === 'assistant' && Array.isArray(previous.content)
          ? (previous.content as Json[]).filter((b) => b.type === 'tool_use').map((b) => b.id as string)
          : [],
      );
      const orphans = resultIds.filter((id) => !useIds.has(id));
      if (orphans.length > 0) {
        return `messages.${i}.content.0: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${orphans.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
      }
    } else if (i < messages.length - 1) {
      const useIds = blocks.filter((b) => b.type === 'tool_use').map((b) => b.id as string);
      if (useIds.length === 0) continue;
      const next = messages[i + 1];
      const answered = new Set(
        next?.role === 'user' && Array.isArray(next.content)
          ? (next.content as Json[])
              .filter((b) => b.type === 'tool_result')
              .map((b) => b.tool_use_id as string)
          : [],
      );
      const missing = useIds.filter((id) => !answered.has(id));
      if (missing.length > 0) {
        return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
      }
    }
  }
  return undefined;
}

function toolsProblem(tools: unknown): string | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
  for (const [i, tool] of tools.entries()) {
    if (!isObject(tool)) return `tools.${i}: Input should be a valid dictionary`;
    if (tool.type !== undefined && tool.type !== 'custom') continue; // server tools have their own shapes
    for (const field of Object.keys(tool)) {
      if (!['type', 'name', 'description', 'input_schema', 'cache_control', 'strict'].includes(field)) {
        return `tools.${i}.custom.${field}: Extra inputs are not permitted`;
      }
    }
    if (typeof tool.name !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(tool.name)) {
      return `tools.${i}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    }
    if (!isObject(tool.input_schema) || tool.input_schema.type !== 'object') {
      return `tools.${i}.custom.input_schema.type: Input should be 'object'`;
    }
  }
  return undefined;
}

function toolChoiceProblem(choice: unknown): string | undefined {
  if (choice === undefined) return undefined;
  if (!isObject(choice) || !['auto', 'any', 'tool', 'none'].includes(choice.type as string)) {
    return "tool_choice: Input tag does not match any of the expected tags: 'auto', 'any', 'tool', 'none'";
  }
  if (choice.type === 'tool' && typeof choice.name !== 'string')
    return 'tool_choice.tool.name: Field required';
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
