import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  isJsonObject,
  openAiDoneEvent,
  protocolGrammar,
  StreamSignal,
  type Protocol,
  type SseEvent,
  type StreamWatcher,
} from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ConvertedError, Converter, ResponseHooks } from '../converter.interface';
import {
  clientStreamErrorEvents,
  gatewayErrorFromSourceError,
  streamCutError,
} from '../shared/stream-failure';
import { upstreamErrorMessage } from '../shared/upstream-error-message';

/** Calls the hooks as the watcher learns things: first token and model once, usage at the end. */
class HookReporter {
  private firstToken = false;
  private model = false;
  private usage = false;

  constructor(
    private readonly watcher: StreamWatcher,
    private readonly hooks: ResponseHooks | undefined,
  ) {}

  afterEvent(): void {
    if (!this.model && this.watcher.model !== undefined) {
      this.model = true;
      this.hooks?.onModel?.(this.watcher.model);
    }
    if (!this.firstToken && this.watcher.firstTokenSeen) {
      this.firstToken = true;
      this.hooks?.onFirstToken?.();
    }
  }

  atEnd(): void {
    if (this.usage || !this.watcher.usage) return;
    this.usage = true;
    this.hooks?.onUsage?.(this.watcher.usage);
  }
}

/**
 * Passthrough when client and upstream speak the same protocol: bodies and events are forwarded untouched
 * (same objects, so re-encoding gives the same bytes). The stream is still watched through the protocol's
 * grammar: usage, model and first token are reported, an upstream in-stream error is forwarded and then raised,
 * and a stream cut before its end marker gets the protocol's in-stream error appended and raises
 * UPSTREAM_STREAM_CUT.
 */
export function createIdentityConverter(protocol: Protocol): Converter {
  const grammar = protocolGrammar(protocol);
  const isOpenAi = protocol === 'openai-chat';

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
      const model = grammar.modelFromBody(body);
      if (model !== undefined) hooks?.onModel?.(model);
      const usage = grammar.usageFromBody(body);
      if (usage) hooks?.onUsage?.(usage);
      return body;
    },

    convertStream(_memo, _clock, hooks): OperatorFunction<SseEvent, SseEvent> {
      return (source) =>
        new Observable<SseEvent>((subscriber) => {
          const watcher = grammar.createStreamWatcher();
          const reporter = new HookReporter(watcher, hooks);
          let done = false;
          const fail = (error: GatewayError): void => {
            done = true;
            for (const event of clientStreamErrorEvents(protocol, error)) subscriber.next(event);
            subscriber.error(error);
          };
          return source.subscribe({
            next(event) {
              if (done) return;
              const signal = watcher.observe(event);
              reporter.afterEvent();
              subscriber.next(event);
              if (signal === StreamSignal.Terminated) {
                done = true;
                reporter.atEnd();
                subscriber.complete();
              } else if (signal === StreamSignal.UpstreamError) {
                done = true;
                if (isOpenAi) subscriber.next(openAiDoneEvent());
                const report = watcher.upstreamError ?? {
                  type: 'api_error',
                  message: 'Upstream error',
                  status: 500,
                };
                subscriber.error(
                  new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, report.message, {
                    upstreamType: report.type,
                    upstreamStatus: report.status,
                  }),
                );
              }
            },
            error(error: unknown) {
              if (!done) fail(gatewayErrorFromSourceError(error));
            },
            complete() {
              if (done) return;
              if (watcher.endedCleanly) {
                // OpenAI upstream closed after a finish_reason without [DONE]: still a normal end.
                done = true;
                reporter.atEnd();
                if (isOpenAi) subscriber.next(openAiDoneEvent());
                subscriber.complete();
                return;
              }
              fail(streamCutError());
            },
          });
        });
    },

    convertError(status, body): ConvertedError {
      if (grammar.isErrorBody(body)) return { status, body: body as Record<string, unknown> };
      return { status, body: grammar.errorBody(status, upstreamErrorMessage(status, body)) };
    },
  };
}

export const openAiIdentityConverter: Converter = createIdentityConverter('openai-chat');
export const anthropicIdentityConverter: Converter = createIdentityConverter('anthropic-messages');
