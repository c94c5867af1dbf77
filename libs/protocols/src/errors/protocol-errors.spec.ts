import {
  anthropicErrorBody,
  anthropicErrorForOpenAiStatus,
  anthropicErrorTypeForStatus,
  anthropicStreamErrorEvent,
  isAnthropicErrorBody,
  isOpenAiErrorBody,
  openAiDoneEvent,
  openAiErrorBody,
  openAiErrorForAnthropicType,
  openAiErrorTypeForStatus,
  openAiStatusForAnthropicStatus,
  openAiStreamErrorEvent,
} from '../index';

describe('protocol error bodies', () => {
  it('builds the OpenAI shape with all four keys', () => {
    expect(openAiErrorBody({ message: 'bad', type: 'invalid_request_error' })).toEqual({
      error: { message: 'bad', type: 'invalid_request_error', param: null, code: null },
    });
    expect(isOpenAiErrorBody(openAiErrorBody({ message: 'x', type: 'y' }))).toBe(true);
    expect(isOpenAiErrorBody({ error: 'x' })).toBe(false);
  });

  it('builds the Anthropic shape', () => {
    expect(anthropicErrorBody('overloaded_error', 'Overloaded')).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(isAnthropicErrorBody(anthropicErrorBody('a', 'b'))).toBe(true);
    expect(isAnthropicErrorBody({ error: { message: 'x', type: 'y' } })).toBe(false);
  });

  it('builds in-stream errors for both protocols', () => {
    expect(openAiStreamErrorEvent({ message: 'm', type: 'server_error', code: 'overloaded' })).toEqual({
      data: '{"error":{"message":"m","type":"server_error","param":null,"code":"overloaded"}}',
    });
    expect(openAiDoneEvent()).toEqual({ data: '[DONE]' });
    expect(anthropicStreamErrorEvent('api_error', 'cut')).toEqual({
      event: 'error',
      data: '{"type":"error","error":{"type":"api_error","message":"cut"}}',
    });
  });

  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [402, 'billing_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [409, 'conflict_error'],
    [413, 'request_too_large'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [504, 'timeout_error'],
    [529, 'overloaded_error'],
  ])('Anthropic status %i → %s', (status, type) => {
    expect(anthropicErrorTypeForStatus(status)).toBe(type);
  });

  it.each([
    ['invalid_request_error', 'invalid_request_error', null],
    ['authentication_error', 'authentication_error', 'invalid_api_key'],
    ['billing_error', 'billing_error', 'insufficient_quota'],
    ['not_found_error', 'invalid_request_error', 'model_not_found'],
    ['rate_limit_error', 'rate_limit_error', 'rate_limit_exceeded'],
    ['api_error', 'server_error', null],
    ['timeout_error', 'timeout_error', 'timeout'],
    ['overloaded_error', 'server_error', 'overloaded'],
    ['brand_new_error', 'api_error', 'brand_new_error'],
  ])('Anthropic type %s → OpenAI %s/%s', (anthropicType, type, code) => {
    expect(openAiErrorForAnthropicType(anthropicType, 'msg')).toEqual({
      message: 'msg',
      type,
      param: null,
      code,
    });
  });

  it('sends 529 to OpenAI clients as 503 and keeps other statuses', () => {
    expect(openAiStatusForAnthropicStatus(529)).toBe(503);
    expect(openAiStatusForAnthropicStatus(429)).toBe(429);
    expect(openAiStatusForAnthropicStatus(400)).toBe(400);
  });

  it.each([
    [400, undefined, 400, 'invalid_request_error'],
    [422, undefined, 400, 'invalid_request_error'],
    [429, 'insufficient_quota', 402, 'billing_error'],
    [429, 'rate_limit_exceeded', 429, 'rate_limit_error'],
    [503, undefined, 529, 'overloaded_error'],
    [502, undefined, 529, 'overloaded_error'],
    [500, undefined, 500, 'api_error'],
    [404, undefined, 404, 'not_found_error'],
  ])('OpenAI status %i (%s) → Anthropic %i %s', (status, code, outStatus, type) => {
    expect(anthropicErrorForOpenAiStatus(status, null, code)).toEqual({ status: outStatus, type });
  });

  it('picks OpenAI types for statuses', () => {
    expect(openAiErrorTypeForStatus(429)).toEqual({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(openAiErrorTypeForStatus(502)).toEqual({ type: 'server_error', code: null });
  });
});
