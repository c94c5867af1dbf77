import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  anthropicErrorBody,
  anthropicErrorTypeForStatus,
  isAnthropicErrorBody,
  isOpenAiErrorBody,
  openAiDoneEvent,
  openAiErrorBody,
  openAiErrorTypeForStatus,
  type Protocol,
  type SseEvent,
} from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ConvertedError, Converter, ResponseHooks } from '../converter.interface';
import { isJsonObject } from '../shared/json-object';
import {
  clientStreamErrorEvents,
  gatewayErrorFromSourceError,
  streamCutError,
} from '../shared/stream-failure';
import { upstreamErrorMessage } from '../shared/upstream-error-message';
import { tokenUsageFromAnthropic, tokenUsageFromOpenAi } from '../shared/usage';
import { AnthropicStreamProbe } from './anthropic-stream.probe';
import { OpenAiStreamProbe } from './openai-stream.probe';
import { ProbeResult, type StreamProbe } from './stream-probe';

/**
 * Passthrough when client and upstream speak the same protocol: bodies and events are forwarded untouched
 * (same objects, so re-encoding gives the same bytes). The stream is still watched: usage and first token are
 * reported, an upstream in-stream error is forwarded and then raised, and a stream cut before its end marker
 * gets the protocol's in-stream error appended and raises UPSTREAM_STREAM_CUT.
 */
function createIdentityConverter(protocol: Protocol): Converter {
  const isAnthropic = protocol === 'anthropic-messages';
  const newProbe = (hooks?: ResponseHooks): StreamProbe =>
    isAnthropic ? new AnthropicStreamProbe(hooks) : new OpenAiStreamProbe(hooks);

  return {
    from: protocol,
    to: protocol,
    passthrough: true,

    convertRequest(body) {
      return { body, memo: {} };
    },

    convertResponse(body, _memo, _clock, hooks) {
      if (!isJsonObject(body)) {
        throw new GatewayError(
          GatewayErrorCode.UPSTREAM_UNREACHABLE,
          'The upstream response body is not a JSON object.',
        );
      }
      const usage = isAnthropic ? tokenUsageFromAnthropic(body.usage) : tokenUsageFromOpenAi(body.usage);
      if (usage) hooks?.onUsage?.(usage);
      return body;
    },

    convertStream(_memo, _clock, hooks): OperatorFunction<SseEvent, SseEvent> {
      return (source) =>
        new Observable<SseEvent>((subscriber) => {
          const probe = newProbe(hooks);
          let done = false;
          const fail = (error: GatewayError): void => {
            done = true;
            for (const event of clientStreamErrorEvents(protocol, error)) subscriber.next(event);
            subscriber.error(error);
          };
          return source.subscribe({
            next(event) {
              if (done) return;
              const result = probe.observe(event);
              subscriber.next(event);
              if (result === ProbeResult.Terminated) {
                done = true;
                subscriber.complete();
              } else if (result === ProbeResult.UpstreamError) {
                done = true;
                if (!isAnthropic) subscriber.next(openAiDoneEvent());
                const { type, message } = probe.upstreamError ?? {
                  type: 'api_error',
                  message: 'Upstream error',
                };
                subscriber.error(
                  new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, message, { upstreamType: type }),
                );
              }
            },
            error(error: unknown) {
              if (!done) fail(gatewayErrorFromSourceError(error));
            },
            complete() {
              if (done) return;
              if (probe.endedCleanly) {
                // OpenAI upstream closed after a finish_reason without [DONE]: still a normal end.
                done = true;
                if (probe instanceof OpenAiStreamProbe) probe.finish();
                subscriber.next(openAiDoneEvent());
                subscriber.complete();
                return;
              }
              fail(streamCutError());
            },
          });
        });
    },

    convertError(status, body): ConvertedError {
      if (isAnthropic) {
        if (isAnthropicErrorBody(body)) return { status, body: body as unknown as Record<string, unknown> };
        return {
          status,
          body: anthropicErrorBody(
            anthropicErrorTypeForStatus(status),
            upstreamErrorMessage(status, body),
          ) as unknown as Record<string, unknown>,
        };
      }
      if (isOpenAiErrorBody(body)) return { status, body: body as unknown as Record<string, unknown> };
      const { type, code } = openAiErrorTypeForStatus(status);
      return {
        status,
        body: openAiErrorBody({
          message: upstreamErrorMessage(status, body),
          type,
          code,
        }) as unknown as Record<string, unknown>,
      };
    },
  };
}

export const openAiIdentityConverter: Converter = createIdentityConverter('openai-chat');
export const anthropicIdentityConverter: Converter = createIdentityConverter('anthropic-messages');
