import type { ServerResponse } from 'node:http';
import type { GatewayError } from '@switchboard/common/errors';
import { droppedToolsOf, type ResponseHooks } from '@switchboard/converters';
import type { SseEvent } from '@switchboard/protocols';
import type { OperatorFunction } from 'rxjs';
import { tap } from 'rxjs';
import type { AttemptFailure } from '../fallback/attempt-failure';
import type { ResponseCapture } from '../responses/response-capture';
import type { AttemptEntry } from '../record/request-trace';
import type { PlannedInstance } from '../routing/route-plan';
import type { UpstreamAbort } from '../upstream/upstream-abort';
import type { AttemptLedger } from './attempt-ledger';
import { readJsonAnswer } from './json-answer';
import { StreamAttempt, type StreamAttemptEnd } from './stream-attempt';
import { callUpstream, type AttemptContext } from './upstream-attempt';

/** How one attempt ended; the fallback loop reads it. */
export type AttemptResult =
  | { kind: 'failed'; failure: AttemptFailure }
  | { kind: 'refused'; error: GatewayError }
  /** A whole JSON answer, not written yet, with the headers the attempt adds (max_tokens chosen, tools dropped). */
  | { kind: 'payload'; payload: string | Buffer; headers: Record<string, string> }
  /** A streamed answer; whatever reached the client is written. */
  | { kind: 'streamed'; end: Exclude<StreamAttemptEnd, { kind: 'failed' }>; committedAt: number | undefined };

/** The attempt in flight, so that an abort (client gone, total timeout) reaches it. */
export interface AttemptInFlight {
  readonly controller: UpstreamAbort;
  stream?: StreamAttempt;
}

export interface AttemptSetup {
  readonly context: AttemptContext;
  readonly res: ServerResponse;
  readonly ledger: AttemptLedger;
  readonly hooks: ResponseHooks;
  /** Responses clients whose turn is stored: what they were sent. */
  readonly capture?: ResponseCapture;
}

/** One upstream attempt: call, then read the answer as JSON or relay it as a stream. */
export async function runAttempt(
  setup: AttemptSetup,
  instance: PlannedInstance,
  entry: AttemptEntry,
  inFlight: AttemptInFlight,
  /** The head a streamed 200 is written with; set when the client asked for a stream. */
  streamHead: Record<string, string> | undefined,
): Promise<AttemptResult> {
  const { context } = setup;
  const answer = await callUpstream(context, instance, inFlight.controller);
  if (answer.kind !== 'answered') return answer;
  const call = context.call;
  const dropped = droppedToolsOf(answer.memo);
  if (dropped.length > 0) entry.droppedTools = dropped;
  // Headers only this attempt knows: the max_tokens the gateway chose, the tools it dropped.
  const headers = { ...answer.headers, ...conversionHeaders(dropped) };
  if (streamHead === undefined) {
    const json = await readJsonAnswer(
      answer.body,
      answer.converter,
      answer.memo,
      call.endpoint !== 'count_tokens',
      context.clock,
      setup.hooks,
      context.abort,
    );
    entry.firstByteAt ??= performance.now();
    return json.kind === 'failed' ? json : { kind: 'payload', payload: json.payload, headers };
  }
  Object.assign(streamHead, headers);
  const remaining = context.firstByteTimeout - (performance.now() - entry.startedAt);
  const stream = new StreamAttempt({
    res: setup.res,
    body: answer.body,
    clientProtocol: call.protocol,
    convert: capturing(
      answer.converter.convertStream(answer.memo, context.clock, setup.hooks),
      setup.capture,
    ),
    controller: inFlight.controller,
    abort: context.abort,
    entry,
    ledger: setup.ledger,
    head: streamHead,
    firstByteTimeout: Math.max(1, remaining),
  });
  inFlight.stream = stream;
  const end = await stream.run();
  inFlight.stream = undefined;
  if (end.kind === 'failed') return end;
  return { kind: 'streamed', end, committedAt: stream.committedAt };
}

/** Built-in tools a Responses conversion removed, so the client learns they were not offered upstream. */
function conversionHeaders(dropped: string[]): Record<string, string> {
  return dropped.length > 0 ? { 'x-switchboard-dropped-tools': dropped.join(', ') } : {};
}

function capturing(
  convert: OperatorFunction<SseEvent, SseEvent>,
  capture: ResponseCapture | undefined,
): OperatorFunction<SseEvent, SseEvent> {
  if (capture === undefined) return convert;
  return (source) => convert(source).pipe(tap((event) => capture.observe(event)));
}
