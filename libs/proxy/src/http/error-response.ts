import {
  anthropicErrorBody,
  anthropicErrorTypeForStatus,
  openAiErrorBody,
  openAiErrorTypeForStatus,
  type Protocol,
} from '@switchboard/protocols';

/** A gateway-written error body in the client's protocol. */
export function gatewayErrorBody(
  protocol: Protocol,
  status: number,
  message: string,
  openAiCode?: string,
): Record<string, unknown> {
  if (protocol === 'anthropic-messages') {
    return anthropicErrorBody(anthropicErrorTypeForStatus(status), message) as unknown as Record<
      string,
      unknown
    >;
  }
  const { type, code } = openAiErrorTypeForStatus(status);
  return openAiErrorBody({ message, type, param: null, code: openAiCode ?? code }) as unknown as Record<
    string,
    unknown
  >;
}
