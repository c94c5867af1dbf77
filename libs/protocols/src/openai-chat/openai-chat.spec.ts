import { openAiContentText } from './openai-chat.content';
import { isOpenAiFilterOnlyChunk, openAiStreamErrorStatus } from './openai-chat.stream';
import { tokenUsageFromOpenAi } from './openai-chat.usage';

describe('openai-chat protocol module', () => {
  it('reads content as a string or as Mistral/Magistral thinking and text parts', () => {
    expect(openAiContentText('plain')).toEqual({ text: 'plain', thinking: '' });
    expect(
      openAiContentText([
        {
          type: 'thinking',
          thinking: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
        { type: 'text', text: 'x' },
        { type: 'image_url', image_url: { url: 'u' } },
        { type: 'text', text: 'y' },
        'junk',
      ]),
    ).toEqual({ text: 'xy', thinking: 'ab' });
    expect(openAiContentText(null)).toEqual({ text: '', thinking: '' });
  });

  it('recognises the Azure filter-only chunk and nothing else', () => {
    expect(isOpenAiFilterOnlyChunk({ choices: [], model: '', prompt_filter_results: [] })).toBe(true);
    expect(isOpenAiFilterOnlyChunk({ choices: [{ index: 0, delta: {} }], prompt_filter_results: [] })).toBe(
      false,
    );
    expect(isOpenAiFilterOnlyChunk({ choices: [], usage: { prompt_tokens: 1 } })).toBe(false);
    expect(
      isOpenAiFilterOnlyChunk({ choices: [], prompt_filter_results: [], usage: { prompt_tokens: 1 } }),
    ).toBe(false);
  });

  it.each<[unknown, number]>([
    [{ code: 429, message: 'x' }, 429],
    [{ code: '503' }, 503],
    [{ type: 'insufficient_quota' }, 402],
    [{ code: 'rate_limit_exceeded' }, 429],
    [{ type: 'invalid_request_error' }, 400],
    [{ type: 'server_error' }, 500],
    ['not an object', 500],
  ])('in-stream error %j stands for %i', (error, status) => {
    expect(openAiStreamErrorStatus(error)).toBe(status);
  });

  it('counts DeepSeek prompt_cache_hit_tokens as cache reads when cached_tokens is absent', () => {
    expect(
      tokenUsageFromOpenAi({ prompt_tokens: 100, completion_tokens: 5, prompt_cache_hit_tokens: 64 }),
    ).toEqual({
      input_tokens: 36,
      output_tokens: 5,
      cache_read_input_tokens: 64,
      cache_creation_input_tokens: 0,
    });
  });
});
