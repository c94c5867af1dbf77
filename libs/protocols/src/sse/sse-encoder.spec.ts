import { from, lastValueFrom, toArray } from 'rxjs';
import { encodeSse, encodeSseComment, encodeSseEvent } from './sse-encoder';

describe('encodeSseEvent', () => {
  it('frames a named event exactly as Anthropic clients expect', () => {
    expect(encodeSseEvent({ event: 'message_stop', data: '{"type":"message_stop"}' })).toBe(
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it('frames an OpenAI chunk without an event line', () => {
    expect(encodeSseEvent({ data: '[DONE]' })).toBe('data: [DONE]\n\n');
  });

  it('splits multi-line data into several data lines', () => {
    expect(encodeSseEvent({ data: 'a\nb\r\nc' })).toBe('data: a\ndata: b\ndata: c\n\n');
  });

  it('writes id and retry fields', () => {
    expect(encodeSseEvent({ id: '7', retry: 100, data: 'x' })).toBe('id: 7\nretry: 100\ndata: x\n\n');
  });

  it('encodes comments on one line', () => {
    expect(encodeSseComment('ping\nnow')).toBe(': ping now\n\n');
  });

  it('works as an operator', async () => {
    await expect(
      lastValueFrom(from([{ data: '1' }, { data: '2' }]).pipe(encodeSse(), toArray())),
    ).resolves.toEqual(['data: 1\n\n', 'data: 2\n\n']);
  });
});
