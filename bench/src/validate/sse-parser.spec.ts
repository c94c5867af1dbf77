import { parseSse } from './sse-parser';

describe('parseSse', () => {
  it('reads named events, data-only events, CRLF and comments', () => {
    const body =
      ': keep-alive\r\n\r\nevent: ping\r\ndata: {"type":"ping"}\r\n\r\ndata: a\ndata: b\n\ndata: [DONE]\n\n';
    expect(parseSse(body)).toEqual([
      { event: 'ping', data: '{"type":"ping"}' },
      { event: undefined, data: 'a\nb' },
      { event: undefined, data: '[DONE]' },
    ]);
  });

  it('returns nothing for an empty body', () => {
    expect(parseSse('')).toEqual([]);
  });
});
