import { isJsonObject, tryParseJson, type OpenAiFunctionTool } from '@switchboard/protocols';

/**
 * Responses `custom` tools (free-form input, e.g. Codex's `apply_patch`) toward upstreams without them: a function
 * taking one string parameter `input`, the format (grammar or plain text) described in words; the call's
 * `arguments` (`{"input": "…"}`) become the `custom_tool_call`'s raw `input` again.
 */

export function customFunctionTool(upstreamName: string, tool: Record<string, unknown>): OpenAiFunctionTool {
  const format = isJsonObject(tool.format) ? tool.format : undefined;
  const grammar =
    format?.type === 'grammar' && typeof format.definition === 'string'
      ? `The input must match this ${typeof format.syntax === 'string' ? format.syntax : ''} grammar:\n${format.definition}`
      : 'The input is free-form text.';
  const description = [
    typeof tool.description === 'string' ? tool.description : '',
    `Call this tool with one string parameter \`input\`: the tool's raw input, not JSON-encoded. ${grammar}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    type: 'function',
    function: {
      name: upstreamName,
      description,
      parameters: {
        type: 'object',
        properties: { input: { type: 'string', description: "The tool's raw input." } },
        required: ['input'],
        additionalProperties: false,
      },
    },
  };
}

/** Chat arguments of a converted custom tool call → the raw input (unreadable arguments are kept as they are). */
export function customInputOf(args: string): string {
  const parsed = tryParseJson(args);
  if (isJsonObject(parsed)) return typeof parsed.input === 'string' ? parsed.input : '';
  return parsed === undefined ? partialCustomInput(args) : args;
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The decoded part of `input` in arguments still arriving (`{"input": "diff --g`): what can be sent as a
 * delta. Stops before an escape sequence that is not complete yet; '' while the key has not arrived.
 */
export function partialCustomInput(args: string): string {
  const start = /^\s*\{\s*"input"\s*:\s*"/.exec(args);
  if (!start) return '';
  let out = '';
  for (let i = start[0].length; i < args.length; i++) {
    const c = args[i];
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = args[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = args.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    out += ESCAPES[next] ?? next;
    i += 1;
  }
  return out;
}
