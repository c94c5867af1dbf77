/**
 * A STRICT validator for Anthropic Messages request bodies, stricter than the API where the API is lenient
 * (roles must alternate, no unknown fields anywhere). Used by converter tests, the mock Anthropic upstream and
 * property tests: a converted request must produce `[]`.
 *
 *   validateAnthropicRequest(body) → string[]   // each problem as "<path>: <message>", [] when valid
 *   assertValidAnthropicRequest(body)           // throws an Error listing every problem
 */

import { isObject, hasText, Problems } from './anthropic-request/problems';
import { checkMessages, checkSystem } from './anthropic-request/messages';
import { checkOutputConfig, checkRange, checkThinking } from './anthropic-request/settings';
import { checkToolChoice, checkTools } from './anthropic-request/tools';

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
