import OpenAI from 'openai';
import { eventually } from '../../support/eventually';
import { reply } from '../../support/mock-upstreams';
import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { startKeysSwitchboard } from '../keys/support/keys-harness';

/**
 * With consumer keys on, a stored response belongs to the key that created it: another key cannot read it,
 * delete it or continue from it (404, as for an unknown id), and no key at all is a 401.
 */
describe('stored responses are owned by consumer keys', () => {
  const model = uniqueModel('owned-responses');
  const suite = dataPlaneSuite(
    { anthropic: 'anthropic' },
    {
      start: () => startKeysSwitchboard(),
      routes: ({ anthropic }) => [routeFor(model, [anthropicInstance('owned', anthropic.url)])],
    },
  );

  it("keeps one key's responses from another key", async () => {
    const alice = suite.sb.openai((await suite.sb.createKey({ name: 'alice' })).key);
    const bob = suite.sb.openai((await suite.sb.createKey({ name: 'bob' })).key);
    suite.mocks.anthropic.enqueue(reply.text('Hello Alice.'));
    const first = await alice.responses.create({ model, input: 'Hi, I am Alice.' });
    await eventually(
      () => alice.responses.retrieve(first.id),
      (response) => response.id === first.id,
    );

    await expect(bob.responses.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.responses.delete(first.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      bob.responses.create({ model, previous_response_id: first.id, input: 'What is my name?' }),
    ).rejects.toMatchObject({ status: 404, code: 'previous_response_not_found' });

    const anonymous = await fetch(`${suite.sb.gatewayUrl}/v1/responses/${first.id}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'invalid_api_key' } });

    // The owner still has it, and may continue from it.
    suite.mocks.anthropic.enqueue(reply.text('You are Alice.'));
    const second = await alice.responses.create({
      model,
      previous_response_id: first.id,
      input: 'What is my name?',
    });
    expect(second.output_text).toBe('You are Alice.');
    expect(JSON.stringify(suite.mocks.anthropic.requests.at(-1)!.body)).toContain('Hi, I am Alice.');
  });

  it('answers a stored-response call without a valid key with 401 in OpenAI shape', async () => {
    const client = new OpenAI({
      apiKey: 'sk-sb-not-a-key',
      baseURL: `${suite.sb.gatewayUrl}/v1`,
      maxRetries: 0,
    });
    await expect(client.responses.retrieve('resp_unknown')).rejects.toMatchObject({ status: 401 });
  });
});
