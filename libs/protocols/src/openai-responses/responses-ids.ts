/** Id prefixes of the Responses API (responses-spec §11); the body comes from the caller's id source. */
export const RESPONSES_ID_PREFIX = {
  response: 'resp_',
  message: 'msg_',
  functionCall: 'fc_',
  customToolCall: 'ctc_',
  reasoning: 'rs_',
  functionCallOutput: 'fco_',
} as const;

export type ResponsesIdKind = keyof typeof RESPONSES_ID_PREFIX;

export function responsesId(kind: ResponsesIdKind, body: string): string {
  return `${RESPONSES_ID_PREFIX[kind]}${body}`;
}
