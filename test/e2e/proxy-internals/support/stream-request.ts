import type { GatewayHarness } from './gateway-harness';

/** A streamed Chat Completions request for the `test-model` route of `routeFixture`. */
export const streamBody = JSON.stringify({
  model: 'test-model',
  stream: true,
  messages: [{ role: 'user', content: 'hi' }],
});

export const chatStream = (gateway: GatewayHarness) =>
  fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: streamBody,
  });
