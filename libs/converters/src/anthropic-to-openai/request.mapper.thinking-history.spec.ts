import { bodyOf, deepseek, openai } from './testing/request-cases';

describe('anthropic-to-openai request mapper', () => {
  describe('messages', () => {
    describe('thinking history', () => {
      const history = {
        messages: [
          { role: 'user', content: 'q' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'Let me think.', signature: 'sig' },
              { type: 'redacted_thinking', data: 'xxx' },
              { type: 'text', text: 'Answer.' },
            ],
          },
          { role: 'user', content: 'more' },
        ],
      };
      it('goes back as reasoning_content for DeepSeek-style upstreams', () => {
        expect((bodyOf(history, deepseek).messages as unknown[])[1]).toEqual({
          role: 'assistant',
          content: 'Answer.',
          reasoning_content: 'Let me think.',
        });
      });
      it('is dropped toward api.openai.com (and redacted thinking always)', () => {
        expect((bodyOf(history, openai).messages as unknown[])[1]).toEqual({
          role: 'assistant',
          content: 'Answer.',
        });
      });
      it('sends signed thinking and redacted thinking as thinking_blocks with the thinking_blocks option', () => {
        const target = { provider: 'openai-compatible', conversion: { thinking_blocks: true } };
        expect((bodyOf(history, target).messages as unknown[])[1]).toEqual({
          role: 'assistant',
          content: 'Answer.',
          reasoning_content: 'Let me think.',
          thinking_blocks: [
            { type: 'thinking', thinking: 'Let me think.', signature: 'sig' },
            { type: 'redacted_thinking', data: 'xxx' },
          ],
        });
      });
      it('follows the instance option over the provider default', () => {
        const target = { provider: 'openai-compatible', conversion: { reasoning_content: false } };
        expect((bodyOf(history, target).messages as unknown[])[1]).not.toHaveProperty('reasoning_content');
      });
      it('drops an assistant turn that only thought, merging the user turns around it', () => {
        const messages = bodyOf(
          {
            messages: [
              { role: 'user', content: 'a' },
              { role: 'assistant', content: [{ type: 'thinking', thinking: 'hm', signature: 's' }] },
              { role: 'user', content: 'b' },
            ],
          },
          deepseek,
        ).messages;
        expect(messages).toEqual([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
        ]);
      });
    });
  });
});
