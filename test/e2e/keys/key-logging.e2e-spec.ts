import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { captureOutput } from './support/capture-output';
import { startKeysSwitchboard, type KeysHarness } from './support/keys-harness';

/** LiteLLM #30670 wrote a plaintext key into its logs on a budget error: every refusal path, at debug level. */
describe('consumer keys never reach a log line', () => {
  const output = captureOutput();
  let mock: AnthropicMock;
  let sb: KeysHarness;
  let model: string;

  beforeAll(async () => {
    mock = await startAnthropicMock();
    mock.reply(reply.text('ok'));
    sb = await startKeysSwitchboard({ LOG_LEVEL: 'verbose' });
    model = uniqueModel('claude-log');
    await sb.createRoute(routeFor(model, [anthropicInstance('claude-log', mock.url)]));
  });
  afterAll(async () => {
    output.stop();
    await sb?.close();
    await mock?.close();
  });

  it('logs neither a valid, a rotated, a refused nor an unknown key', async () => {
    const budgeted = await sb.createKey({
      name: 'log-budget',
      rpm: 1,
      budget: { tokens: 1, period: 'total' },
    });
    const allowed = await sb.createKey({ name: 'log-models', models: ['nothing-*'] });
    const unknown = 'sk-sb-UnknownKeyThatMustNotBeLogged0000000000';
    const ask = (key: string) =>
      sb
        .anthropic(key)
        .messages.create({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    await ask(budgeted.key);
    const statuses: number[] = [];
    for (const key of [budgeted.key, allowed.key, unknown]) {
      statuses.push(
        await ask(key).then(
          () => 200,
          (error: { status: number }) => error.status,
        ),
      );
    }
    expect(statuses).toEqual([429, 403, 401]);
    const rotated = await sb.admin('POST', `/admin/keys/${budgeted.id}/rotate`, { grace_seconds: 10 });
    expect(rotated.status).toBe(200);

    const logs = output.text();
    expect(logs).toContain(`"model":"${model}"`); // the debug request records were logged
    for (const key of [budgeted.key, allowed.key, unknown, rotated.body.key as string]) {
      expect(logs).not.toContain(key);
      expect(logs).not.toContain(key.slice(6, 30));
    }
  });
});
