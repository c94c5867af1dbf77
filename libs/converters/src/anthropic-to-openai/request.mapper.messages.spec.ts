import { GatewayErrorCode } from '@switchboard/common/errors';
import { bodyOf, convert, rejection } from './testing/request-cases';

describe('anthropic-to-openai request mapper', () => {
  describe('messages', () => {
    it('maps base64 and url images, PDFs and text documents', () => {
      const messages = bodyOf({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
              { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } },
              {
                type: 'document',
                title: 'Notes',
                source: { type: 'text', media_type: 'text/plain', data: 'plain text' },
              },
              { type: 'text', text: 'Describe.' },
            ],
          },
        ],
      }).messages;
      expect(messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            {
              type: 'file',
              file: { filename: 'document.pdf', file_data: 'data:application/pdf;base64,JVBER' },
            },
            { type: 'text', text: 'Notes\n\nplain text' },
            { type: 'text', text: 'Describe.' },
          ],
        },
      ]);
    });

    it('rejects Files API sources with a clear message', () => {
      const error = rejection(() =>
        convert({
          messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'file', file_id: 'f' } }] }],
        }),
      );
      expect(error.param).toBe('messages.0.content.0.source.type');
      expect(error.message).toContain('cannot be sent to an OpenAI upstream');
    });

    it('removes empty and whitespace-only text and merges consecutive same-role turns', () => {
      const messages = bodyOf({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'one' },
              { type: 'text', text: ' \n' },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'text', text: '' },
              { type: 'text', text: 'two' },
            ],
          },
          { role: 'assistant', content: 'x' },
          { role: 'assistant', content: [{ type: 'text', text: 'y' }] },
          { role: 'user', content: 'z' },
        ],
      }).messages;
      expect(messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        },
        { role: 'assistant', content: 'x\ny' },
        { role: 'user', content: 'z' },
      ]);
    });

    it('places tool messages before the text of the same turn, merging results split across user messages', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'weather in Paris and Rome?' },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Checking.' },
              { type: 'tool_use', id: 'toolu_a', name: 'weather', input: { city: 'Paris' } },
              { type: 'tool_use', id: 'toolu_b', name: 'weather', input: { city: 'Rome' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'and be quick' },
              { type: 'tool_result', tool_use_id: 'toolu_a', content: '20C' },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'toolu_b', content: 'timeout', is_error: true }],
          },
        ],
      }).messages;
      expect(messages).toEqual([
        { role: 'user', content: 'weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'toolu_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
            { id: 'toolu_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_a', content: '20C' },
        { role: 'tool', tool_call_id: 'toolu_b', content: '[tool error] timeout' },
        { role: 'user', content: 'and be quick' },
      ]);
    });

    it('flattens tool_result blocks and moves returned images into the following user message', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'shoot' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'screenshot', input: {} }] },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't1',
                content: [
                  { type: 'text', text: 'Here:' },
                  { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAA' } },
                ],
              },
            ],
          },
        ],
      }).messages;
      expect(messages).toEqual([
        { role: 'user', content: 'shoot' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 't1', type: 'function', function: { name: 'screenshot', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 't1', content: 'Here:\n[image]' },
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } }] },
      ]);
    });

    it('drops tool_reference items from tool results (tool search)', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'find a tool' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'tool_search', input: {} }] },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't1',
                content: [
                  { type: 'tool_reference', tool_name: 'get_weather' },
                  { type: 'text', text: 'found' },
                ],
              },
            ],
          },
        ],
      }).messages as unknown[];
      expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 't1', content: 'found' });
    });

    it('gives a tool_result without content an empty tool message', () => {
      const messages = bodyOf({
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'noop', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1' }] },
        ],
      }).messages as unknown[];
      expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 't1', content: '' });
    });

    it('rejects a tool_result that answers no tool_use, and a tool_use left unanswered', () => {
      expect(
        rejection(() =>
          convert({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'nope' }] }] }),
        ).message,
      ).toContain('does not answer a tool_use');
      expect(
        rejection(() =>
          convert({
            messages: [
              { role: 'user', content: 'go' },
              { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'x', input: {} }] },
              { role: 'user', content: 'never mind' },
            ],
          }),
        ).message,
      ).toContain('t1');
    });

    it.each([
      [{ messages: [] }, 'messages'],
      [{ messages: 'hi' }, 'messages'],
      [{ messages: [{ role: 'tool', content: 'x' }] }, 'messages.0.role'],
      [{ messages: [{ role: 'user', content: 5 }] }, 'messages.0.content'],
      [
        { messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'b', input: {} }] }] },
        'messages.0.content.0.type',
      ],
      [{ messages: [{ role: 'user', content: [{ type: 'mystery' }] }] }, 'messages.0.content.0.type'],
      [{ model: '' }, 'model'],
      [{ temperature: 3 }, 'temperature'],
      [{ stop_sequences: 'END' }, 'stop_sequences'],
      [{ stream: 'yes' }, 'stream'],
    ])('rejects %j naming %s', (body, param) => {
      const error = rejection(() => convert(body));
      expect(error.code).toBe(GatewayErrorCode.INVALID_REQUEST);
      expect(error.param).toBe(param);
    });
  });
});
