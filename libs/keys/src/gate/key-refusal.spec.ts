import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { keyRefusal } from './key-refusal';
import { modelAllowed } from './model-access';
import { presentedKey } from './presented-key';

describe('keyRefusal', () => {
  it.each([
    [
      GatewayErrorCode.INVALID_API_KEY,
      401,
      'invalid_request_error',
      'invalid_api_key',
      'authentication_error',
    ],
    [
      GatewayErrorCode.MODEL_NOT_ALLOWED,
      403,
      'invalid_request_error',
      'model_not_allowed',
      'permission_error',
    ],
    [GatewayErrorCode.RATE_LIMITED, 429, 'requests', 'rate_limit_exceeded', 'rate_limit_error'],
    [GatewayErrorCode.QUOTA_EXCEEDED, 429, 'insufficient_quota', 'insufficient_quota', 'rate_limit_error'],
  ])('%s → %d in both protocols', (code, status, openAiType, openAiCode, anthropicType) => {
    const error = new GatewayError(code, 'why', { headers: { 'retry-after': '3' } });
    expect(keyRefusal('openai-chat', error)).toMatchObject({
      status,
      headers: { 'retry-after': '3' },
      body: { error: { message: 'why', type: openAiType, param: null, code: openAiCode } },
    });
    expect(keyRefusal('anthropic-messages', error).body).toEqual({
      type: 'error',
      error: { type: anthropicType, message: 'why' },
    });
  });
});

describe('presentedKey and modelAllowed', () => {
  it('reads Bearer or x-api-key', () => {
    expect(presentedKey({ authorization: 'Bearer sk-sb-a' })).toBe('sk-sb-a');
    expect(presentedKey({ 'x-api-key': ' sk-sb-b ' })).toBe('sk-sb-b');
    expect(presentedKey({ authorization: 'Basic x' })).toBeUndefined();
    expect(presentedKey({})).toBeUndefined();
  });

  it('matches exact names and globs; null allows all', () => {
    expect(modelAllowed(null, 'anything')).toBe(true);
    const models = ['gpt-4o', 'claude-*'];
    expect(modelAllowed(models, 'claude-sonnet-4')).toBe(true);
    expect(modelAllowed(models, 'gpt-4o')).toBe(true);
    expect(modelAllowed(models, 'gpt-4o-mini')).toBe(false);
  });
});
