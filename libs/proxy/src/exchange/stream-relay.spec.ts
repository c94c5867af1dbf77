import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { SseEvent } from '@switchboard/protocols';
import type { OperatorFunction } from 'rxjs';
import { StreamRelay, type RelayOwner } from './stream-relay';

/** What the relay did to the client response, in order. */
type Call = { kind: 'head' } | { kind: 'write' | 'end'; text: string };

function recordingResponse(calls: Call[]): ServerResponse {
  const res = Object.assign(new EventEmitter(), {
    destroyed: false,
    writableEnded: false,
    write(text: string) {
      calls.push({ kind: 'write', text });
      return true;
    },
    end(text: string) {
      res.writableEnded = true;
      calls.push({ kind: 'end', text });
    },
  });
  return res as unknown as ServerResponse;
}

const unchanged: OperatorFunction<SseEvent, SseEvent> = (source) => source;
const sse = (data: string): string => `data: ${data}\n\n`;

async function relayOneRead(read: string): Promise<Call[]> {
  const calls: Call[] = [];
  const owner: RelayOwner = {
    firstByte: () => undefined,
    commit: () => void calls.push({ kind: 'head' }),
    sourceError: (error) => error as Error,
  };
  const body = new PassThrough();
  const relay = new StreamRelay(recordingResponse(calls), body, 'openai-chat', unchanged, owner);
  const ended = relay.run();
  body.end(read);
  expect(await ended).toEqual({ kind: 'completed' });
  return calls;
}

describe('StreamRelay', () => {
  it('sends the status line and the first event at once; the rest of the read leaves in one write', async () => {
    const events = ['{"n":1}', '{"n":2}', '{"n":3}'];
    const calls = await relayOneRead(events.map(sse).join('') + sse('[DONE]'));
    expect(calls).toEqual([
      { kind: 'head' },
      { kind: 'write', text: sse('{"n":1}') },
      { kind: 'write', text: sse('{"n":2}') + sse('{"n":3}') + sse('[DONE]') },
      { kind: 'end', text: '' },
    ]);
  });

  it('holds back an error event before any content, and what follows it, until the stream ends', async () => {
    const error = '{"error":{"message":"overloaded","type":"server_error","param":null,"code":null}}';
    const calls = await relayOneRead(sse(error) + sse('[DONE]'));
    expect(calls).toEqual([{ kind: 'head' }, { kind: 'end', text: sse(error) + sse('[DONE]') }]);
  });
});
