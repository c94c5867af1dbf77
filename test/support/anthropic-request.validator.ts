/**
 * A STRICT validator for Anthropic Messages request bodies, stricter than the API where the API is lenient
 * (roles must alternate, no unknown fields anywhere). Used by converter tests, the mock Anthropic upstream and
 * property tests: a converted request must produce `[]`.
 *
 *   validateAnthropicRequest(body) → string[]   // each problem as "<path>: <message>", [] when valid
 *   assertValidAnthropicRequest(body)           // throws an Error listing every problem
 */

type Json = Record<string, unknown>;

const TOP_LEVEL_FIELDS = new Set([
  'model',
  'max_tokens',
  'messages',
  'system',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_k',
  'top_p',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
  'service_tier',
  'container',
  'context_management',
  'mcp_servers',
  'inference_geo',
]);

const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const TOOL_ID = /^[a-zA-Z0-9_-]+$/;
const SERVER_TOOL_TYPE =
  /^(web_search|web_fetch|code_execution|bash|text_editor|computer|memory|tool_search)_/;
const EFFORTS = new Set(['low', 'medium', 'high', 'xhigh', 'max']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
  onlyKeys(path: string, value: Json, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(`${path}.${key}`, 'unknown field');
    }
  }
}

function checkCacheControl(p: Problems, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value) || value.type !== 'ephemeral')
    return p.add(path, 'cache_control must be {type:"ephemeral"}');
  p.onlyKeys(path, value, ['type', 'ttl']);
  if (value.ttl !== undefined && value.ttl !== '5m' && value.ttl !== '1h')
    p.add(`${path}.ttl`, 'must be 5m or 1h');
}

function checkTextBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'text', 'cache_control', 'citations']);
  if (typeof block.text !== 'string') p.add(`${path}.text`, 'must be a string');
  else if (!hasText(block.text))
    p.add(`${path}.text`, 'text content blocks must contain non-whitespace text');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

function checkImageBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'source', 'cache_control']);
  const source = block.source;
  if (!isObject(source)) return p.add(`${path}.source`, 'required object');
  if (source.type === 'base64') {
    p.onlyKeys(`${path}.source`, source, ['type', 'media_type', 'data']);
    if (typeof source.media_type !== 'string' || !IMAGE_MEDIA_TYPES.has(source.media_type)) {
      p.add(`${path}.source.media_type`, 'must be image/jpeg, image/png, image/gif or image/webp');
    }
    if (!hasText(source.data)) p.add(`${path}.source.data`, 'required non-empty base64');
  } else if (source.type === 'url') {
    p.onlyKeys(`${path}.source`, source, ['type', 'url']);
    if (typeof source.url !== 'string' || !/^https?:\/\//.test(source.url))
      p.add(`${path}.source.url`, 'must be an http(s) URL');
  } else {
    p.add(`${path}.source.type`, 'must be base64 or url');
  }
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

function checkDocumentBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'source', 'title', 'context', 'citations', 'cache_control']);
  const source = block.source;
  if (!isObject(source)) return p.add(`${path}.source`, 'required object');
  if (source.type === 'base64') {
    p.onlyKeys(`${path}.source`, source, ['type', 'media_type', 'data']);
    if (source.media_type !== 'application/pdf')
      p.add(`${path}.source.media_type`, 'must be application/pdf');
    if (!hasText(source.data)) p.add(`${path}.source.data`, 'required non-empty base64');
  } else if (source.type === 'text') {
    p.onlyKeys(`${path}.source`, source, ['type', 'media_type', 'data']);
    if (source.media_type !== 'text/plain') p.add(`${path}.source.media_type`, 'must be text/plain');
    if (typeof source.data !== 'string') p.add(`${path}.source.data`, 'must be a string');
  } else if (source.type === 'url') {
    p.onlyKeys(`${path}.source`, source, ['type', 'url']);
    if (typeof source.url !== 'string') p.add(`${path}.source.url`, 'must be a string');
  } else {
    p.add(`${path}.source.type`, 'must be base64, text or url');
  }
  if (block.title !== undefined && typeof block.title !== 'string')
    p.add(`${path}.title`, 'must be a string');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

function checkToolResultBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'tool_use_id', 'content', 'is_error', 'cache_control']);
  if (typeof block.tool_use_id !== 'string' || !TOOL_ID.test(block.tool_use_id)) {
    p.add(`${path}.tool_use_id`, 'must match ^[a-zA-Z0-9_-]+$');
  }
  const content = block.content;
  if (Array.isArray(content)) {
    content.forEach((inner, i) => {
      const innerPath = `${path}.content.${i}`;
      if (!isObject(inner)) return p.add(innerPath, 'must be an object');
      if (inner.type === 'text') checkTextBlock(p, innerPath, inner);
      else if (inner.type === 'image') checkImageBlock(p, innerPath, inner);
      else if (inner.type === 'document') checkDocumentBlock(p, innerPath, inner);
      else p.add(`${innerPath}.type`, 'tool_result content must be text, image or document blocks');
    });
  } else if (content !== undefined && typeof content !== 'string') {
    p.add(`${path}.content`, 'must be a string or an array of blocks');
  }
  if (block.is_error !== undefined && typeof block.is_error !== 'boolean')
    p.add(`${path}.is_error`, 'must be a boolean');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

function checkToolUseBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'id', 'name', 'input', 'cache_control']);
  if (typeof block.id !== 'string' || !TOOL_ID.test(block.id))
    p.add(`${path}.id`, 'must match ^[a-zA-Z0-9_-]+$');
  if (typeof block.name !== 'string' || !TOOL_NAME.test(block.name))
    p.add(`${path}.name`, 'must match ^[a-zA-Z0-9_-]{1,128}$');
  if (!isObject(block.input)) p.add(`${path}.input`, 'Input should be a valid dictionary');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

interface TurnSummary {
  toolUseIds: string[];
  toolResultIds: string[];
}

function checkMessage(p: Problems, path: string, message: unknown, isLast: boolean): TurnSummary | undefined {
  if (!isObject(message)) {
    p.add(path, 'must be an object');
    return undefined;
  }
  p.onlyKeys(path, message, ['role', 'content']);
  const role = message.role;
  if (role !== 'user' && role !== 'assistant') {
    p.add(
      `${path}.role`,
      role === 'system' ? "use the top-level 'system' parameter" : 'must be user or assistant',
    );
    return undefined;
  }
  const summary: TurnSummary = { toolUseIds: [], toolResultIds: [] };
  const content = message.content;
  if (typeof content === 'string') {
    if (!hasText(content)) p.add(`${path}.content`, 'must contain non-whitespace text');
    if (isLast && role === 'assistant' && /\s$/.test(content)) {
      p.add(`${path}.content`, 'final assistant content cannot end with trailing whitespace');
    }
    return summary;
  }
  if (!Array.isArray(content) || content.length === 0) {
    p.add(`${path}.content`, 'must be a non-empty string or a non-empty array of blocks');
    return summary;
  }
  let seenNonResult = false;
  content.forEach((block, i) => {
    const blockPath = `${path}.content.${i}`;
    if (!isObject(block)) return p.add(blockPath, 'must be an object');
    const type = block.type;
    if (type === 'text') checkTextBlock(p, blockPath, block);
    else if (role === 'user' && type === 'image') checkImageBlock(p, blockPath, block);
    else if (role === 'user' && type === 'document') checkDocumentBlock(p, blockPath, block);
    else if (role === 'user' && type === 'tool_result') {
      if (seenNonResult)
        p.add(blockPath, 'tool_result blocks must come before any other content in the user turn');
      checkToolResultBlock(p, blockPath, block);
      if (typeof block.tool_use_id === 'string') summary.toolResultIds.push(block.tool_use_id);
    } else if (role === 'assistant' && type === 'tool_use') {
      checkToolUseBlock(p, blockPath, block);
      if (typeof block.id === 'string') summary.toolUseIds.push(block.id);
    } else if (role === 'assistant' && type === 'thinking') {
      p.onlyKeys(blockPath, block, ['type', 'thinking', 'signature']);
      if (typeof block.thinking !== 'string') p.add(`${blockPath}.thinking`, 'must be a string');
      if (!hasText(block.signature)) p.add(`${blockPath}.signature`, 'Field required');
    } else if (role === 'assistant' && type === 'redacted_thinking') {
      p.onlyKeys(blockPath, block, ['type', 'data']);
      if (!hasText(block.data)) p.add(`${blockPath}.data`, 'Field required');
    } else {
      p.add(`${blockPath}.type`, `block type ${JSON.stringify(type)} is not allowed in a ${role} message`);
    }
    if (type !== 'tool_result') seenNonResult = true;
  });
  if (role === 'assistant') {
    const lastBlock = content[content.length - 1] as unknown;
    if (isObject(lastBlock) && (lastBlock.type === 'thinking' || lastBlock.type === 'redacted_thinking')) {
      p.add(`${path}.content`, 'The final block in an assistant message cannot be thinking');
    }
    if (
      isLast &&
      isObject(lastBlock) &&
      lastBlock.type === 'text' &&
      typeof lastBlock.text === 'string' &&
      /\s$/.test(lastBlock.text)
    ) {
      p.add(`${path}.content`, 'final assistant content cannot end with trailing whitespace');
    }
  }
  return summary;
}

function checkMessages(p: Problems, messages: unknown): boolean {
  if (!Array.isArray(messages) || messages.length === 0) {
    p.add('messages', 'required non-empty array');
    return false;
  }
  let usesTools = false;
  let previousRole: unknown;
  let pendingToolUses: string[] = [];
  messages.forEach((message, i) => {
    const path = `messages.${i}`;
    const summary = checkMessage(p, path, message, i === messages.length - 1);
    const role = isObject(message) ? message.role : undefined;
    if (i === 0 && role !== 'user') p.add(`${path}.role`, 'the first message must use the user role');
    if (i > 0 && role === previousRole)
      p.add(`${path}.role`, 'roles must alternate between user and assistant');
    if (summary) {
      if (summary.toolUseIds.length > 0 || summary.toolResultIds.length > 0) usesTools = true;
      if (role === 'user') {
        for (const id of summary.toolResultIds) {
          if (!pendingToolUses.includes(id)) {
            p.add(
              path,
              `tool_result ${id} does not answer a tool_use of the immediately preceding assistant turn`,
            );
          }
        }
        for (const id of pendingToolUses) {
          if (!summary.toolResultIds.includes(id)) {
            p.add(path, `tool_use ${id} of the previous assistant turn has no tool_result in this turn`);
          }
        }
        pendingToolUses = [];
      } else if (role === 'assistant') {
        if (pendingToolUses.length > 0)
          p.add(path, `tool_use ids ${pendingToolUses.join(', ')} have no tool_result`);
        const duplicates = summary.toolUseIds.filter((id, k) => summary.toolUseIds.indexOf(id) !== k);
        if (duplicates.length > 0) p.add(path, `duplicate tool_use ids ${duplicates.join(', ')}`);
        pendingToolUses = summary.toolUseIds;
      }
    }
    previousRole = role;
  });
  if (pendingToolUses.length > 0) {
    p.add(
      `messages.${messages.length - 1}`,
      `tool_use ids ${pendingToolUses.join(', ')} have no tool_result`,
    );
  }
  return usesTools;
}

function checkSystem(p: Problems, system: unknown): void {
  if (system === undefined) return;
  if (typeof system === 'string') {
    if (!hasText(system)) p.add('system', 'must contain non-whitespace text');
    return;
  }
  if (!Array.isArray(system) || system.length === 0)
    return p.add('system', 'must be a string or a non-empty array of text blocks');
  system.forEach((block, i) => {
    if (!isObject(block) || block.type !== 'text') return p.add(`system.${i}`, 'must be a text block');
    checkTextBlock(p, `system.${i}`, block);
  });
}

function checkTools(p: Problems, tools: unknown): string[] {
  if (tools === undefined) return [];
  if (!Array.isArray(tools)) {
    p.add('tools', 'must be an array');
    return [];
  }
  const names: string[] = [];
  tools.forEach((tool, i) => {
    const path = `tools.${i}`;
    if (!isObject(tool)) return p.add(path, 'must be an object');
    if (typeof tool.type === 'string' && SERVER_TOOL_TYPE.test(tool.type)) {
      if (typeof tool.name === 'string') names.push(tool.name);
      return;
    }
    p.onlyKeys(path, tool, ['type', 'name', 'description', 'input_schema', 'strict', 'cache_control']);
    if (tool.type !== undefined && tool.type !== 'custom')
      p.add(`${path}.type`, 'must be custom when present');
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name))
      p.add(`${path}.name`, 'must match ^[a-zA-Z0-9_-]{1,128}$');
    else if (names.includes(tool.name)) p.add(`${path}.name`, 'tool names must be unique');
    else names.push(tool.name);
    if (tool.description !== undefined && typeof tool.description !== 'string')
      p.add(`${path}.description`, 'must be a string');
    if (!isObject(tool.input_schema) || tool.input_schema.type !== 'object') {
      p.add(`${path}.input_schema`, 'must be a JSON schema object with type "object"');
    }
    if (tool.strict !== undefined && typeof tool.strict !== 'boolean')
      p.add(`${path}.strict`, 'must be a boolean');
    checkCacheControl(p, `${path}.cache_control`, tool.cache_control);
  });
  return names;
}

function checkToolChoice(p: Problems, choice: unknown, toolNames: string[], hasTools: boolean): void {
  if (choice === undefined) return;
  if (!isObject(choice)) return p.add('tool_choice', 'must be an object');
  switch (choice.type) {
    case 'auto':
    case 'any':
      p.onlyKeys('tool_choice', choice, ['type', 'disable_parallel_tool_use']);
      break;
    case 'tool':
      p.onlyKeys('tool_choice', choice, ['type', 'name', 'disable_parallel_tool_use']);
      if (typeof choice.name !== 'string' || !toolNames.includes(choice.name)) {
        p.add('tool_choice.name', 'must name a tool defined in tools');
      }
      break;
    case 'none':
      p.onlyKeys('tool_choice', choice, ['type']);
      return;
    default:
      return p.add('tool_choice.type', 'must be auto, any, tool or none');
  }
  if (
    choice.disable_parallel_tool_use !== undefined &&
    typeof choice.disable_parallel_tool_use !== 'boolean'
  ) {
    p.add('tool_choice.disable_parallel_tool_use', 'must be a boolean');
  }
  if (!hasTools) p.add('tool_choice', 'tool_choice requires tools');
}

function checkRange(p: Problems, body: Json, field: string, min: number, max: number, integer = false): void {
  const value = body[field];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return p.add(field, integer ? 'must be an integer' : 'must be a number');
  }
  if (value < min || value > max) p.add(field, `must be between ${min} and ${max}`);
}

function checkThinking(p: Problems, body: Json): void {
  const thinking = body.thinking;
  if (thinking === undefined) return;
  if (!isObject(thinking)) return p.add('thinking', 'must be an object');
  if (thinking.type === 'enabled') {
    p.onlyKeys('thinking', thinking, ['type', 'budget_tokens', 'display']);
    const budget = thinking.budget_tokens;
    if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1024) {
      p.add('thinking.budget_tokens', 'must be an integer >= 1024');
    } else if (typeof body.max_tokens === 'number' && budget >= body.max_tokens) {
      p.add('thinking.budget_tokens', 'must be less than max_tokens');
    }
  } else if (thinking.type === 'adaptive') {
    p.onlyKeys('thinking', thinking, ['type', 'display']);
  } else if (thinking.type === 'disabled') {
    p.onlyKeys('thinking', thinking, ['type']);
    return;
  } else {
    return p.add('thinking.type', 'must be enabled, adaptive or disabled');
  }
  if (thinking.display !== undefined && thinking.display !== 'summarized' && thinking.display !== 'omitted') {
    p.add('thinking.display', 'must be summarized or omitted');
  }
  if (body.temperature !== undefined && body.temperature !== 1)
    p.add('temperature', 'must be unset or 1 with thinking');
  if (body.top_k !== undefined) p.add('top_k', 'must be unset with thinking');
  if (typeof body.top_p === 'number' && body.top_p < 0.95) p.add('top_p', 'must be >= 0.95 with thinking');
  const choice = body.tool_choice;
  if (isObject(choice) && (choice.type === 'any' || choice.type === 'tool')) {
    p.add('tool_choice', 'Thinking may not be enabled when tool_choice forces tool use');
  }
}

function checkOutputConfig(p: Problems, config: unknown): void {
  if (config === undefined) return;
  if (!isObject(config)) return p.add('output_config', 'must be an object');
  p.onlyKeys('output_config', config, ['effort', 'format']);
  if (config.effort !== undefined && (typeof config.effort !== 'string' || !EFFORTS.has(config.effort))) {
    p.add('output_config.effort', 'must be low, medium, high, xhigh or max');
  }
  if (config.format !== undefined) {
    const format = config.format;
    if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.schema)) {
      p.add('output_config.format', 'must be {type:"json_schema", schema:{…}}');
    } else {
      p.onlyKeys('output_config.format', format, ['type', 'schema']);
    }
  }
}

export function validateAnthropicRequest(body: unknown): string[] {
  const p = new Problems();
  if (!isObject(body)) {
    p.add('(body)', 'must be a JSON object');
    return p.list;
  }
  for (const key of Object.keys(body)) if (!TOP_LEVEL_FIELDS.has(key)) p.add(key, 'unknown field');
  if (!hasText(body.model)) p.add('model', 'required non-empty string');
  const maxTokens = body.max_tokens;
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    p.add('max_tokens', 'required integer >= 1');
  }
  checkSystem(p, body.system);
  const usesTools = checkMessages(p, body.messages);
  checkRange(p, body, 'temperature', 0, 1);
  checkRange(p, body, 'top_p', 0, 1);
  checkRange(p, body, 'top_k', 0, Number.MAX_SAFE_INTEGER, true);
  if (body.stream !== undefined && typeof body.stream !== 'boolean') p.add('stream', 'must be a boolean');
  if (body.stop_sequences !== undefined) {
    if (!Array.isArray(body.stop_sequences)) p.add('stop_sequences', 'must be an array');
    else
      body.stop_sequences.forEach((s, i) => {
        if (!hasText(s)) p.add(`stop_sequences.${i}`, 'each stop sequence must contain non-whitespace');
      });
  }
  const toolNames = checkTools(p, body.tools);
  const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
  if (usesTools && !hasTools) p.add('tools', 'required when messages contain tool_use or tool_result blocks');
  checkToolChoice(p, body.tool_choice, toolNames, hasTools);
  checkThinking(p, body);
  checkOutputConfig(p, body.output_config);
  if (body.metadata !== undefined) {
    if (!isObject(body.metadata)) p.add('metadata', 'must be an object');
    else {
      p.onlyKeys('metadata', body.metadata, ['user_id']);
      if (body.metadata.user_id !== undefined && typeof body.metadata.user_id !== 'string') {
        p.add('metadata.user_id', 'must be a string');
      }
    }
  }
  if (
    body.service_tier !== undefined &&
    body.service_tier !== 'auto' &&
    body.service_tier !== 'standard_only'
  ) {
    p.add('service_tier', 'must be auto or standard_only');
  }
  return p.list;
}

export function assertValidAnthropicRequest(body: unknown): void {
  const problems = validateAnthropicRequest(body);
  if (problems.length > 0) throw new Error(`Invalid Anthropic request:\n- ${problems.join('\n- ')}`);
}
