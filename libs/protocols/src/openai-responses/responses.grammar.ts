import { asString, isJsonObject } from '../json/json-value';
import {
  isOpenAiErrorBody,
  openAiErrorBody,
  openAiErrorTypeForStatus,
} from '../openai-chat/openai-chat.errors';
import { openAiStreamErrorStatus } from '../openai-chat/openai-chat.stream';
import type { ErrorDetails, ProtocolGrammar } from '../protocol-grammar';
import { responsesErrorEvent, responsesEventType } from './responses-events';
import { OpenAiResponsesStreamWatcher } from './responses.stream-watcher';
import { tokenUsageFromResponsesUsage } from './responses.usage';

function errorFields(status: number, message: string, details: ErrorDetails | undefined) {
  const { type, code } = openAiErrorTypeForStatus(status);
  return { message, type: details?.type ?? type, param: details?.param ?? null, code: details?.code ?? code };
}

/**
 * OpenAI Responses: errors are OpenAI's `ErrorResponse`; a stream ends at `response.completed`/`.incomplete`
 * (normal) or `response.failed`/`error`; there is no `[DONE]`.
 */
export const openAiResponsesGrammar: ProtocolGrammar = {
  protocol: 'openai-responses',
  errorBody: (status, message, details) =>
    openAiErrorBody(errorFields(status, message, details)) as unknown as Record<string, unknown>,
  isErrorBody: isOpenAiErrorBody,
  // The gateway does not know how many events the client has seen: sequence_number 0 (clients do not check it).
  streamErrorEvents: (status, message, details) => {
    const fields = errorFields(status, message, details);
    return [responsesErrorEvent({ ...fields, code: fields.code ?? fields.type }, 0)];
  },
  isStreamErrorEvent: (event) => {
    const type = responsesEventType(event);
    return type === 'error' || type === 'response.failed';
  },
  streamErrorStatus: (type) => openAiStreamErrorStatus({ type }),
  usageFromBody: (body) => (isJsonObject(body) ? tokenUsageFromResponsesUsage(body.usage) : undefined),
  modelFromBody: (body) => (isJsonObject(body) ? asString(body.model) || undefined : undefined),
  createStreamWatcher: () => new OpenAiResponsesStreamWatcher(),
};
