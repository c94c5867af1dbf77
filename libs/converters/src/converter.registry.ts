import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Protocol } from '@switchboard/protocols';
import { anthropicToOpenAiConverter } from './anthropic-to-openai';
import { anthropicToResponsesConverter } from './anthropic-to-responses';
import type { Converter } from './converter.interface';
import { anthropicIdentityConverter, openAiIdentityConverter } from './identity/identity.converter';
import { openAiToAnthropicConverter } from './openai-to-anthropic';
import { openAiToResponsesConverter } from './openai-to-responses';
import { responsesIdentityConverter } from './responses-passthrough';
import { responsesToAnthropicConverter } from './responses-to-anthropic';
import { responsesToOpenAiConverter } from './responses-to-openai';

const keyOf = (client: Protocol, upstream: Protocol): string => `${client}>${upstream}`;

/** Converters keyed `client protocol → upstream protocol` (APISIX-style); identity when both agree. */
export class ConverterRegistry {
  private readonly byKey = new Map<string, Converter>();

  constructor(converters: readonly Converter[] = []) {
    for (const converter of converters) this.register(converter);
  }

  register(converter: Converter): void {
    this.byKey.set(keyOf(converter.from, converter.to), converter);
  }

  has(client: Protocol, upstream: Protocol): boolean {
    return this.byKey.has(keyOf(client, upstream));
  }

  find(client: Protocol, upstream: Protocol): Converter {
    const converter = this.byKey.get(keyOf(client, upstream));
    if (!converter) {
      throw new GatewayError(
        GatewayErrorCode.UNSUPPORTED_CONVERSION,
        `No converter from ${client} clients to ${upstream} upstreams.`,
      );
    }
    return converter;
  }
}

export const converterRegistry = new ConverterRegistry([
  openAiIdentityConverter,
  anthropicIdentityConverter,
  openAiToAnthropicConverter,
  anthropicToOpenAiConverter,
  responsesToOpenAiConverter,
  responsesToAnthropicConverter,
  responsesIdentityConverter,
  anthropicToResponsesConverter,
  openAiToResponsesConverter,
]);

/** The converter for a client protocol and an upstream protocol. */
export function findConverter(client: Protocol, upstream: Protocol): Converter {
  return converterRegistry.find(client, upstream);
}
