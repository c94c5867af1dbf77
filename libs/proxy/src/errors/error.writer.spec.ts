import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { gatewayErrorBody } from './error.writer';

describe('gatewayErrorBody', () => {
  it('carries param and clientCode to OpenAI clients', () => {
    const error = new GatewayError(GatewayErrorCode.INVALID_REQUEST, 'bad n', {
      param: 'n',
      clientCode: 'bad_n',
    });
    expect(gatewayErrorBody('openai-chat', error, 400)).toEqual({
      error: { message: 'bad n', type: 'invalid_request_error', param: 'n', code: 'bad_n' },
    });
  });

  it.each([
    [GatewayErrorCode.MODEL_NOT_FOUND, 404, 'model_not_found'],
    [GatewayErrorCode.NO_AVAILABLE_INSTANCE, 503, 'no_available_instance'],
    [GatewayErrorCode.UPSTREAM_TIMEOUT, 504, 'timeout'],
    [GatewayErrorCode.INVALID_REQUEST, 400, null],
  ])('keeps the OpenAI code clients know for %s', (code, status, expected) => {
    const body = gatewayErrorBody('openai-chat', new GatewayError(code, 'x'), status) as {
      error: { code: unknown; param: unknown };
    };
    expect(body.error.code).toBe(expected);
    expect(body.error.param).toBeNull();
  });

  it('writes the Anthropic shape with the type for the status', () => {
    const error = new GatewayError(GatewayErrorCode.INTERNAL, 'broken');
    expect(gatewayErrorBody('anthropic-messages', error, 500)).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'broken' },
    });
  });
});
