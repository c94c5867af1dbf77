import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Converter } from '../converter.interface';

const notImplemented = (): never => {
  throw new GatewayError(GatewayErrorCode.INTERNAL, 'not implemented');
};

/** Anthropic Messages client → OpenAI Chat Completions upstream. */
export const anthropicToOpenAiConverter: Converter = {
  from: 'anthropic-messages',
  to: 'openai-chat',
  convertRequest: notImplemented,
  convertResponse: notImplemented,
  convertStream: notImplemented,
  convertError: notImplemented,
};
