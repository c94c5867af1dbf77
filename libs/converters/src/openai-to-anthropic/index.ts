import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Converter } from '../converter.interface';

const notImplemented = (): never => {
  throw new GatewayError(GatewayErrorCode.INTERNAL, 'not implemented');
};

/** OpenAI Chat Completions client → Anthropic Messages upstream. */
export const openAiToAnthropicConverter: Converter = {
  from: 'openai-chat',
  to: 'anthropic-messages',
  convertRequest: notImplemented,
  convertResponse: notImplemented,
  convertStream: notImplemented,
  convertError: notImplemented,
};
