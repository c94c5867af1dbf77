import { anthropicMessage as anthropicBody, anthropicStreamEvents } from '../mocks/anthropic-responses';
import { openaiCompletion as openaiBody, openaiStreamEvents } from '../mocks/openai-responses';
import {
  anthropicMessage,
  anthropicStream,
  openaiCompletion,
  openaiStream,
  viaGateway,
  type ProbeResponse,
} from './response-validators';

const json = (body: string): ProbeResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
});
const sse = (events: Buffer[]): ProbeResponse => ({
  status: 200,
  headers: { 'content-type': 'text/event-stream' },
  body: Buffer.concat(events).toString(),
});

describe('response validators against the mock upstream answers', () => {
  it('accept every complete answer the mocks give', () => {
    expect(openaiCompletion(json(openaiBody('m')))).toBeUndefined();
    expect(openaiStream(sse(openaiStreamEvents('m', true)))).toBeUndefined();
    expect(anthropicMessage(json(anthropicBody('m')))).toBeUndefined();
    expect(anthropicStream(sse(anthropicStreamEvents('m')))).toBeUndefined();
  });

  it('reject a stream cut before its terminator', () => {
    expect(openaiStream(sse(openaiStreamEvents('m', false).slice(0, -1)))).toMatch('[DONE]');
    expect(anthropicStream(sse(anthropicStreamEvents('m').slice(0, -1)))).toMatch('message_stop');
  });

  it('reject a stream that lost a delta', () => {
    const events = anthropicStreamEvents('m');
    events.splice(5, 1);
    expect(anthropicStream(sse(events))).toMatch('text differs');
  });

  it('reject an in-stream error that looks like a normal end', () => {
    const events = openaiStreamEvents('m', false);
    events.splice(3, 0, Buffer.from('data: {"error":{"message":"upstream reset"}}\n\n'));
    expect(openaiStream(sse(events))).toMatch('in-stream error');
  });

  it('reject an error status and a wrong content type', () => {
    expect(openaiCompletion({ ...json('{"error":{}}'), status: 502 })).toMatch('status 502');
    expect(openaiStream(json(openaiBody('m')))).toMatch('content-type');
  });

  it('check the gateway headers before the body', () => {
    const validate = viaGateway(openaiCompletion, 'bench-gpt', 2);
    const response = json(openaiBody('m'));
    response.headers = {
      ...response.headers,
      'x-switchboard-route': 'bench-gpt',
      'x-switchboard-attempts': '2',
      'x-request-id': 'r1',
    };
    expect(validate(response)).toBeUndefined();
    expect(
      validate({ ...response, headers: { ...response.headers, 'x-switchboard-attempts': '1' } }),
    ).toMatch('attempts');
  });
});
