import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { decodeSse, encodeSse } from '@switchboard/protocols';
import { from, type Observable } from 'rxjs';
import type { ConversionMemo, ResponseHooks } from '../../converter.interface';
import { anthropicToOpenAiConverter } from '../index';
import { fixedClock } from '../../testing/fixed-clock';

export const FIXTURES = join(__dirname, '..', '__fixtures__');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Splits bytes at the given offsets (sorted, deduplicated, inside the buffer). */
export function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(bytes.slice(start, cut));
    start = cut;
  }
  parts.push(bytes.slice(start));
  return parts;
}

export interface StreamRun {
  /** Everything the Anthropic client received, in SSE wire format. */
  text: string;
  /** The error the operator raised after the client was told, if any. */
  error?: unknown;
}

/** upstream bytes → decodeSse → converter → encodeSse, as the data plane wires it. */
export function runStream(
  chunks: Uint8Array[],
  memo: ConversionMemo = {},
  hooks?: ResponseHooks,
): Promise<StreamRun> {
  const source: Observable<Uint8Array> = from(chunks);
  const op = anthropicToOpenAiConverter.convertStream(memo, fixedClock(), hooks);
  return new Promise((resolve) => {
    let text = '';
    source.pipe(decodeSse(), op, encodeSse()).subscribe({
      next: (frame) => (text += frame),
      error: (error: unknown) => resolve({ text, error }),
      complete: () => resolve({ text }),
    });
  });
}

/** Feeds SSE text to the official Anthropic SDK stream accumulator, as a real client would read it. */
export function sdkFinalMessage(sseText: string): Promise<Message> {
  const client = new Anthropic({
    apiKey: 'test-key',
    maxRetries: 0,
    fetch: async () =>
      new Response(sseText, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
  });
  return client.messages
    .stream({
      model: 'switchboard-test-model',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'hi' }],
    })
    .finalMessage();
}
