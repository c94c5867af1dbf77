import { isDataPlanePath, originForm, pathFamily, unservedPathAnswer } from './unserved-path';

describe('unserved paths', () => {
  it.each([
    ['http://host:8080/v1/messages?beta=true', '/v1/messages?beta=true'],
    ['HTTPS://host/v1/models', '/v1/models'],
    ['http://host', '/'],
    ['http://host?x=1', '/?x=1'],
    ['/v1/messages', '/v1/messages'],
    ['*', '*'],
  ])('originForm(%s) = %s', (target, expected) => {
    expect(originForm(target)).toBe(expected);
  });

  it.each([
    ['/v1/chat/completions/', 'openai'],
    ['//v1/chat/completions', 'openai'],
    ['/v1/responses/x/y', 'openai'],
    ['/v1/models/gpt-4o', 'openai'],
    ['/v1//messages', 'anthropic'],
    ['/v1/messages/batches?x', 'anthropic'],
    ['/v1/messagesX', 'neutral'],
    ['/v1/unknown', 'neutral'],
    ['/healthz', 'neutral'],
  ])('pathFamily(%s) = %s', (path, family) => {
    expect(pathFamily(path)).toBe(family);
  });

  it('reads /v1/models… as Anthropic when the client sends anthropic-version', () => {
    expect(pathFamily('/v1/models/', { 'anthropic-version': '2023-06-01' })).toBe('anthropic');
  });

  it('claims only paths under /v1 for the data plane', () => {
    expect(['/v1', '/v1/', '//v1/x', '/v1/unknown'].every(isDataPlanePath)).toBe(true);
    expect(['/', '//', '/v10/x', '/healthz', '/V1/messages'].some(isDataPlanePath)).toBe(false);
  });

  it('cuts a long echoed path', () => {
    const { body } = unservedPathAnswer('GET', `/v1/${'x'.repeat(5000)}`, {});
    expect(JSON.stringify(body).length).toBeLessThan(700);
  });
});
