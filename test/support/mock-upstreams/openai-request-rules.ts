/**
 * Checks the OpenAI Chat Completions API makes beyond (and before) the official schema: known parameters,
 * required fields, and the pairing of assistant `tool_calls` with `tool` messages. Messages follow the
 * real API's wording. Returns the first problem, or undefined.
 */

type Json = Record<string, unknown>;

export interface OpenAiProblem {
  message: string;
  param: string | null;
  code: string | null;
}

/** Every property of CreateChatCompletionRequest in the official OpenAPI document (allOf resolved). */
const REQUEST_FIELDS = new Set(
  (
    'metadata top_logprobs temperature top_p user safety_identifier prompt_cache_key prompt_cache_retention ' +
    'prompt_cache_options messages model service_tier modalities verbosity reasoning_effort max_completion_tokens ' +
    'frequency_penalty presence_penalty web_search_options response_format audio store moderation stream stop ' +
    'logit_bias logprobs max_tokens n prediction seed stream_options tools tool_choice parallel_tool_calls ' +
    'function_call functions'
  ).split(' '),
);

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

export function openAiRequestProblem(body: unknown, modelRequired: boolean): OpenAiProblem | undefined {
  const problem = (message: string, param: string | null = null, code: string | null = null) => ({
    message,
    param,
    code,
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem('Invalid type for request body: expected an object.', null, 'invalid_type');
  }
  const request = body as Json;
  for (const field of Object.keys(request)) {
    if (!REQUEST_FIELDS.has(field)) return problem(`Unrecognized request argument supplied: ${field}`);
  }
  if (modelRequired && (typeof request.model !== 'string' || request.model === '')) {
    return problem('you must provide a model parameter');
  }
  if (request.messages === undefined) {
    return problem("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    return problem(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  if (request.stream_options !== undefined && request.stream !== true) {
    return problem(
      'The stream_options parameter is only allowed when stream is enabled.',
      'stream_options',
      'invalid_value',
    );
  }
  const messages = request.messages as unknown[];
  for (const [i, message] of messages.entries()) {
    if (
      typeof message !== 'object' ||
      message === null ||
      !ROLES.includes((message as Json).role as string)
    ) {
      return problem(
        `Invalid value: '${String((message as Json)?.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${i}].role`,
        'invalid_value',
      );
    }
  }
  return toolPairingProblem(messages as Json[], problem);
}

function toolPairingProblem(
  messages: Json[],
  problem: (message: string, param?: string | null, code?: string | null) => OpenAiProblem,
): OpenAiProblem | undefined {
  let pending = new Set<string>();
  for (const [i, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (!pending.has(message.tool_call_id as string)) {
        return problem(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
        );
      }
      pending.delete(message.tool_call_id as string);
      continue;
    }
    if (pending.size > 0) {
      return problem(
        `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`,
        'messages',
      );
    }
    pending = new Set(
      message.role === 'assistant' && Array.isArray(message.tool_calls)
        ? (message.tool_calls as Json[]).map((call) => call.id as string)
        : [],
    );
  }
  if (pending.size > 0) {
    return problem(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`,
      'messages',
    );
  }
  return undefined;
}
