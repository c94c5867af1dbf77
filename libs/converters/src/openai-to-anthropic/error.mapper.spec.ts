import { mapError } from './error.mapper';

describe('Anthropic → OpenAI errors', () => {
  it.each([
    [400, 'invalid_request_error', 400, 'invalid_request_error', null],
    [401, 'authentication_error', 401, 'authentication_error', 'invalid_api_key'],
    [402, 'billing_error', 402, 'billing_error', 'insufficient_quota'],
    [403, 'permission_error', 403, 'permission_error', null],
    [404, 'not_found_error', 404, 'invalid_request_error', 'model_not_found'],
    [409, 'conflict_error', 409, 'conflict_error', null],
    [413, 'request_too_large', 413, 'invalid_request_error', 'request_too_large'],
    [429, 'rate_limit_error', 429, 'rate_limit_error', 'rate_limit_exceeded'],
    [500, 'api_error', 500, 'server_error', null],
    [504, 'timeout_error', 504, 'timeout_error', 'timeout'],
    [529, 'overloaded_error', 503, 'server_error', 'overloaded'],
  ])('%i %s → %i %s/%s', (status, type, outStatus, outType, code) => {
    const result = mapError(status, {
      type: 'error',
      error: { type, message: 'upstream says' },
      request_id: 'req_1',
    });
    expect(result).toEqual({
      status: outStatus,
      body: { error: { message: 'upstream says', type: outType, param: null, code } },
    });
  });

  it('handles non-JSON and unknown bodies by status', () => {
    expect(mapError(413, '<html>Request Entity Too Large</html>')).toEqual({
      status: 413,
      body: {
        error: {
          message: '<html>Request Entity Too Large</html>',
          type: 'invalid_request_error',
          param: null,
          code: 'request_too_large',
        },
      },
    });
    expect(mapError(502, undefined).body).toEqual({
      error: { message: 'Upstream returned HTTP 502', type: 'server_error', param: null, code: 'overloaded' },
    });
  });

  it('produces bodies with exactly the four OpenAI error keys', () => {
    const { body } = mapError(529, {
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(Object.keys((body as { error: object }).error).sort()).toEqual([
      'code',
      'message',
      'param',
      'type',
    ]);
  });
});
