import { anthropicToOpenAiConverter } from './index';

const convert = anthropicToOpenAiConverter.convertError;
const openAiError = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, param: null, code },
});

describe('anthropic-to-openai error mapper', () => {
  it.each([
    [400, openAiError('bad', 'invalid_request_error'), 'invalid_request_error'],
    [
      401,
      openAiError('Incorrect API key', 'invalid_request_error', 'invalid_api_key'),
      'authentication_error',
    ],
    [403, openAiError('no', 'permission_error'), 'permission_error'],
    [
      404,
      openAiError('The model does not exist', 'invalid_request_error', 'model_not_found'),
      'not_found_error',
    ],
    [409, openAiError('conflict', 'conflict'), 'conflict_error'],
    [413, openAiError('too big', 'invalid_request_error'), 'request_too_large'],
    [422, openAiError('unprocessable', 'invalid_request_error'), 'invalid_request_error'],
    [429, openAiError('slow down', 'requests', 'rate_limit_exceeded'), 'rate_limit_error'],
    [
      429,
      openAiError('You exceeded your current quota', 'insufficient_quota', 'insufficient_quota'),
      'billing_error',
    ],
    [500, openAiError('oops', 'server_error'), 'api_error'],
    [502, 'Bad Gateway', 'overloaded_error'],
    [
      503,
      openAiError('The server is overloaded', 'server_error', 'server_is_overloaded'),
      'overloaded_error',
    ],
    [504, openAiError('timeout', 'server_error'), 'timeout_error'],
  ])('keeps status %i and derives the Anthropic type', (status, body, type) => {
    const out = convert(status, body);
    expect(out.status).toBe(status);
    expect(out.body).toEqual({ type: 'error', error: { type, message: expect.any(String) } });
  });

  it('keeps the OpenAI message', () => {
    expect(
      convert(400, openAiError("Invalid value for 'temperature'", 'invalid_request_error')).body,
    ).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: "Invalid value for 'temperature'" },
    });
  });

  it.each([
    [
      'non-JSON text',
      '<html><body>502 Bad Gateway</body></html>',
      '<html><body>502 Bad Gateway</body></html>',
    ],
    ['a {message} object', { message: 'Not allowed' }, 'Not allowed'],
    ['a string error', { error: 'model overloaded' }, 'model overloaded'],
    ['nothing', undefined, 'Upstream returned HTTP 500'],
    ['an odd shape', [1, 2, 3], 'Upstream returned HTTP 500'],
  ])('reads %s', (_label, body, message) => {
    expect(convert(500, body).body).toEqual({ type: 'error', error: { type: 'api_error', message } });
  });

  it('never returns a non-error status', () => {
    expect(convert(200, openAiError('weird', 'server_error')).status).toBe(502);
  });
});
