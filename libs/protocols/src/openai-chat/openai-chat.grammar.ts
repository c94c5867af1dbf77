import { asString, isJsonObject } from '../json/json-value';
import type { ErrorDetails, ProtocolGrammar } from '../protocol-grammar';
import { isOpenAiErrorBody, openAiErrorBody, openAiErrorTypeForStatus } from './openai-chat.errors';
import {
  isOpenAiStreamErrorEvent,
  openAiDoneEvent,
  openAiStreamErrorEvent,
  openAiStreamErrorStatus,
} from './openai-chat.stream';
import { OpenAiChatStreamWatcher } from './openai-chat.stream-watcher';
import { tokenUsageFromOpenAi } from './openai-chat.usage';

function errorFields(status: number, message: string, details: ErrorDetails | undefined) {
  const { type, code } = openAiErrorTypeForStatus(status);
  return { message, type: details?.type ?? type, param: details?.param ?? null, code: details?.code ?? code };
}

export const openAiChatGrammar: ProtocolGrammar = {
  protocol: 'openai-chat',
  errorBody: (status, message, details) =>
    openAiErrorBody(errorFields(status, message, details)) as unknown as Record<string, unknown>,
  isErrorBody: isOpenAiErrorBody,
  streamErrorEvents: (status, message, details) => [
    openAiStreamErrorEvent(errorFields(status, message, details)),
    openAiDoneEvent(),
  ],
  isStreamErrorEvent: isOpenAiStreamErrorEvent,
  streamErrorStatus: (type) => openAiStreamErrorStatus({ type }),
  usageFromBody: (body) => (isJsonObject(body) ? tokenUsageFromOpenAi(body.usage) : undefined),
  modelFromBody: (body) => (isJsonObject(body) ? asString(body.model) || undefined : undefined),
  createStreamWatcher: () => new OpenAiChatStreamWatcher(),
};
