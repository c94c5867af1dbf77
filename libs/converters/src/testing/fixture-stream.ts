import { decodeSse, encodeSseEvent, type SseEvent } from '@switchboard/protocols';
import { firstValueFrom, from, toArray, type OperatorFunction } from 'rxjs';
import { readSseFixture, runStream, type StreamRun } from './stream-run';

/** The bytes a client receives for these events. */
export const wireOf = (events: SseEvent[]): string => events.map(encodeSseEvent).join('');

/** Decodes `chunks` (one upstream stream split anywhere) with the production decoder. */
export function decodeChunks(chunks: Uint8Array[]): Promise<SseEvent[]> {
  return firstValueFrom(from(chunks).pipe(decodeSse(), toArray()));
}

/** `bytes` split into pieces of `size` bytes, decoded. */
export function decodeInPiecesOf(bytes: Uint8Array, size: number): Promise<SseEvent[]> {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return decodeChunks(chunks);
}

type Hooks = Parameters<Parameters<typeof runStream>[1]>[0];

/** Runs a case's recorded upstream stream (or the given byte chunks of it) through the converter's operator. */
export function fixtureRunner<C>(
  upstreamFile: (c: C) => string,
  operatorFor: (c: C, hooks: Hooks) => OperatorFunction<SseEvent, SseEvent>,
): (c: C, chunks?: Uint8Array[]) => Promise<StreamRun> {
  return async (c, chunks) => {
    const source = chunks ? await decodeChunks(chunks) : await readSseFixture(upstreamFile(c));
    return runStream(from(source), (hooks) => operatorFor(c, hooks));
  };
}
