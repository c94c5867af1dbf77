import { validateOpenAi } from '@switchboard/testing/openai-schema.validator';
import { openAiToResponsesConverter as converter } from './index';

describe('openai-to-responses errors', () => {
  it('keeps an OpenAI error body (previous_response_not_found, rate limits) with its status', () => {
    const body = {
      error: {
        message: 'Rate limit reached for gpt-5.1 on tokens per min (TPM).',
        type: 'tokens',
        param: null,
        code: 'rate_limit_exceeded',
      },
    };
    const out = converter.convertError(429, body);
    expect(out).toEqual({ status: 429, body });
    expect(validateOpenAi('ErrorResponse', out.body)).toEqual([]);
  });

  it('wraps HTML, text and foreign JSON with the type of the status', () => {
    expect(converter.convertError(502, '<html>Bad gateway</html>')).toEqual({
      status: 502,
      body: { error: { message: '<html>Bad gateway</html>', type: 'server_error', param: null, code: null } },
    });
    expect(converter.convertError(400, { detail: 'bad input' }).body).toEqual({
      error: { message: 'bad input', type: 'invalid_request_error', param: null, code: null },
    });
    expect(converter.convertError(200, null).status).toBe(502);
  });
});
