import type { Readable } from 'node:stream';
import type { ConversionClock, ConversionMemo, Converter, ResponseHooks } from '@switchboard/converters';
import type { AttemptFailure } from '../fallback/attempt-failure';
import { classifyUpstreamError } from '../upstream/classify-upstream-error';
import { readStream } from '../upstream/read-stream';
import type { RequestAbort } from './stream-attempt';

export type JsonAnswer =
  { kind: 'payload'; payload: string | Buffer } | { kind: 'failed'; failure: AttemptFailure };

/**
 * A non-streamed 2xx body, read whole and converted to the client's protocol. Passthrough sends the upstream
 * bytes as they came; count_tokens answers are forwarded unconverted.
 */
export async function readJsonAnswer(
  body: Readable,
  converter: Converter,
  memo: ConversionMemo,
  convert: boolean,
  clock: ConversionClock,
  hooks: ResponseHooks,
  abort: RequestAbort,
): Promise<JsonAnswer> {
  let raw: Buffer;
  try {
    raw = await readStream(body);
  } catch (error) {
    return { kind: 'failed', failure: classifyUpstreamError(error, abort.cause) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return {
      kind: 'failed',
      failure: { kind: 'network', reason: 'other', message: 'upstream answered invalid JSON' },
    };
  }
  if (!convert) return { kind: 'payload', payload: raw };
  try {
    const converted = converter.convertResponse(parsed, memo, clock, hooks);
    // Passthrough returns the body untouched: send the upstream bytes instead of re-serialising them.
    const payload = converter.passthrough === true && converted === parsed ? raw : JSON.stringify(converted);
    return { kind: 'payload', payload };
  } catch (error) {
    return {
      kind: 'failed',
      failure: {
        kind: 'network',
        reason: 'other',
        message: `upstream response not convertible: ${(error as Error)?.message}`,
      },
    };
  }
}
