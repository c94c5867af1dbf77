import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { Observable, type OperatorFunction } from 'rxjs';
import type { SseEvent } from './sse-event';

/**
 * Bytes (or text) → server-sent events. Handles `\r\n`, `\n` and `\r` line ends, multi-line `data:`, comments,
 * `event:` names, a UTF-8 character split across chunks and chunk boundaries anywhere. At upstream end the
 * decoder is flushed, but an incomplete trailing event (no blank line after it) is never emitted: the stream
 * was cut in the middle of that event.
 */
export function decodeSse(): OperatorFunction<Uint8Array | string, SseEvent> {
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      // Made at its first use: at the stream's first chunk it drops a byte-order mark, later it keeps one.
      let decoder: InstanceType<typeof TextDecoder> | undefined;
      const parser = createParser({
        // EventSourceMessage is structurally an SseEvent: pass it on without copying.
        onEvent: (message: EventSourceMessage) => subscriber.next(message),
        onComment: () => undefined,
      });
      // A `\r` at the end of a chunk may be the first half of `\r\n`: the parser waits for the next chunk.
      let endsWithCarriageReturn = false;
      const feed = (text: string): void => {
        if (text.length === 0) return;
        parser.feed(text);
        endsWithCarriageReturn = text.charCodeAt(text.length - 1) === 13;
      };
      // The TextDecoder may hold the first bytes of a character only after a chunk that ended on a non-ASCII
      // byte. When it holds nothing and the chunk ends on an ASCII byte, no carry is possible either way, so the
      // chunk is decoded on its own by Buffer#toString (far cheaper per call). A first chunk that may begin with a
      // byte-order mark goes through the TextDecoder, which drops it.
      let decoderMayHoldBytes = false;
      let first = true;
      return source.subscribe({
        next(chunk) {
          if (typeof chunk === 'string') {
            feed(chunk);
            return;
          }
          const length = chunk.length;
          if (length === 0) return;
          const endsOnAscii = chunk[length - 1] < 0x80;
          const mayOpenWithMark = first && chunk[0] === 0xef;
          first = false;
          if (!decoderMayHoldBytes && endsOnAscii && !mayOpenWithMark) {
            feed(utf8Text(chunk));
            return;
          }
          decoder ??= new TextDecoder('utf-8', { ignoreBOM: !mayOpenWithMark });
          feed(decoder.decode(chunk, { stream: true }));
          decoderMayHoldBytes = !endsOnAscii;
        },
        error(error: unknown) {
          subscriber.error(error);
        },
        complete() {
          if (decoder !== undefined) feed(decoder.decode());
          // At the very end a trailing `\r` is a complete line end; `\n` completes it as `\r\n` would.
          if (endsWithCarriageReturn) parser.feed('\n');
          subscriber.complete();
        },
      });
    });
}

function utf8Text(chunk: Uint8Array): string {
  const buffer = Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return buffer.toString('utf8');
}
