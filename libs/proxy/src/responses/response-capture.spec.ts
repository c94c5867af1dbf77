import type { IncomingMessage } from 'node:http';
import { responsesErrorEvent, responsesStreamEvent } from '@switchboard/protocols';
import { ResponseCapture } from './response-capture';
import { storedResponsePath } from './stored-responses.endpoint';

describe('ResponseCapture', () => {
  const terminal = (type: string, response: object) =>
    responsesStreamEvent({ type, sequence_number: 9, response } as { type: string; sequence_number: number });

  it('keeps the response of response.completed and response.incomplete only', () => {
    const capture = new ResponseCapture();
    capture.observe(terminal('response.created', { id: 'resp_1', status: 'in_progress' }));
    expect(capture.response).toBeUndefined();
    capture.observe(terminal('response.incomplete', { id: 'resp_1', status: 'incomplete' }));
    expect(capture.response).toEqual({ id: 'resp_1', status: 'incomplete' });
  });

  it('keeps nothing for a failed stream', () => {
    const capture = new ResponseCapture();
    capture.observe(terminal('response.failed', { id: 'resp_1', status: 'failed' }));
    capture.observe(responsesErrorEvent({ type: 'server_error', code: 'server_error', message: 'x' }, 3));
    expect(capture.response).toBeUndefined();
  });

  it('reads a JSON answer, string or bytes, and ignores anything without an id', () => {
    const capture = new ResponseCapture();
    capture.fromPayload('{"error":{"message":"no"}}');
    expect(capture.response).toBeUndefined();
    capture.fromPayload(Buffer.from('{"id":"resp_2","object":"response"}'));
    expect(capture.response).toEqual({ id: 'resp_2', object: 'response' });
  });
});

describe('storedResponsePath', () => {
  const path = (url: string) => storedResponsePath({ url } as IncomingMessage);

  it('matches a response and its input items, with the query', () => {
    expect(path('/v1/responses/resp_abc')).toMatchObject({ id: 'resp_abc', inputItems: false });
    const items = path('/v1/responses/resp_abc/input_items?limit=5&order=asc');
    expect(items).toMatchObject({ id: 'resp_abc', inputItems: true });
    expect(items?.query.get('limit')).toBe('5');
  });

  it('leaves every other path to the rest of the gateway', () => {
    expect(path('/v1/responses')).toBeUndefined();
    expect(path('/v1/responses/')).toBeUndefined();
    expect(path('/v1/responses/../admin')).toBeUndefined();
    expect(path('/v1/responses/a/b')).toBeUndefined();
  });
});
