import { randomBytes } from 'node:crypto';
import { register } from 'prom-client';
import { SecretsCipher } from '@switchboard/keys/secrets/secrets-cipher';
import { reencryptInstanceSecrets } from '@switchboard/keys/secrets/reencrypt-secrets';
import { secretsMigrationContext } from '@switchboard/keys/secrets/secrets-migration.context';
import { EncryptInstanceSecrets1765000100000 } from '../../../migrations/1765000100000-encrypt-instance-secrets';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { reply, startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { openAiInstance, routeFor, uniqueModel, upstreamKey } from '../data-plane/support/route-builders';
import { harnessFor } from './support/keys-harness';
import { captureOutput } from './support/capture-output';

const KEY_ONE = randomBytes(32).toString('base64');
const KEY_TWO = randomBytes(32).toString('base64');

async function unreadableCount(): Promise<number> {
  const metric = register.getSingleMetric('switchboard_secret_unreadable_total');
  return metric ? (await metric.get()).values.reduce((sum, value) => sum + value.value, 0) : 0;
}

describe('instance secrets encrypted at rest', () => {
  let database: TestDatabase;
  let mock: OpenAiMock;
  let model: string;
  const instance = 'gpt-secret';
  const secret = upstreamKey(instance);
  const output = captureOutput();

  const start = (env: Record<string, string>) =>
    startSwitchboard({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'debug', ...env } });
  const ask = (sb: RunningSwitchboard) =>
    fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    mock = await startOpenAiMock();
    mock.reply(reply.text('ok'));
    model = uniqueModel('gpt-secret');
  });
  afterAll(async () => {
    output.stop();
    await mock?.close();
    await database?.drop();
  });

  it('stores only ciphertext, reads it back for the upstream, and never logs it', async () => {
    const sb = await start({ SECRETS_KEY: KEY_ONE });
    try {
      await harnessFor(sb).createRoute(routeFor(model, [openAiInstance(instance, mock.url)]));
      const rows = await sb.core.dataSource.query('SELECT auth FROM instances');
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(rows[0].auth.header.authorization).toMatch(/^enc:v1:[0-9a-f]{8}:[\w-]+:[\w-]+$/);
      const response = await ask(sb);
      expect(response.status).toBe(200);
      expect(mock.last?.headers.authorization).toBe(`Bearer ${secret}`);
    } finally {
      await sb.close();
    }
  });

  it('a wrong SECRETS_KEY at start: no crash, the instance shows secret_unreadable, is skipped, and is counted', async () => {
    const before = await unreadableCount();
    const sb = await start({ SECRETS_KEY: KEY_TWO });
    try {
      const admin = harnessFor(sb);
      const route = await admin.admin('GET', `/admin/routes?model=${model}`);
      expect(route.status).toBe(200);
      expect(route.body.items[0].instances[0]).toMatchObject({ name: instance, secret_unreadable: true });
      const requestsBefore = mock.requests.length;
      const response = await ask(sb);
      expect(response.status).toBe(503);
      const message = ((await response.json()) as { error: { message: string } }).error.message;
      // The 503 names the cause: the instance left out for a secret no configured key decrypts.
      expect(message).toContain(
        `no instance that can take traffic (left out: '${instance}', whose stored secret`,
      );
      expect(message).toContain('SECRETS_KEY');
      expect(mock.requests.length).toBe(requestsBefore);
      expect(await unreadableCount()).toBeGreaterThan(before);
      // JSON log lines: the quotes around the instance name are escaped.
      expect(output.text()).toContain(`instance \\"${instance}\\"`);
    } finally {
      await sb.close();
    }
  });

  it('SECRETS_KEY_PREVIOUS still decrypts; secrets rotation re-encrypts everything under the new key', async () => {
    const sb = await start({ SECRETS_KEY: KEY_TWO, SECRETS_KEY_PREVIOUS: `${KEY_ONE}` });
    try {
      expect((await ask(sb)).status).toBe(200);
      const cipher = new SecretsCipher(Buffer.from(KEY_TWO, 'base64'), [Buffer.from(KEY_ONE, 'base64')]);
      expect(await reencryptInstanceSecrets(sb.core.dataSource, cipher)).toEqual({ instances: 1, values: 1 });
      const [row] = await sb.core.dataSource.query('SELECT auth FROM instances');
      expect(cipher.isCurrent(row.auth.header.authorization)).toBe(true);
      expect(await reencryptInstanceSecrets(sb.core.dataSource, cipher)).toEqual({ instances: 0, values: 0 });
      // A key nothing opens aborts the whole rotation.
      const stranger = new SecretsCipher(randomBytes(32));
      await expect(reencryptInstanceSecrets(sb.core.dataSource, stranger)).rejects.toThrow(
        /Nothing was changed/,
      );
    } finally {
      await sb.close();
    }
    const rotated = await start({ SECRETS_KEY: KEY_TWO });
    try {
      expect((await ask(rotated)).status).toBe(200);
      expect(mock.last?.headers.authorization).toBe(`Bearer ${secret}`);
    } finally {
      await rotated.close();
    }
  });

  it('the migration encrypts values stored in plain text', async () => {
    const sb = await start({ SECRETS_KEY: KEY_TWO });
    try {
      const runner = sb.core.dataSource.createQueryRunner();
      await runner.query(
        `UPDATE instances SET auth = '{"header":{"authorization":"Bearer plain-secret-value"},"query":{}}'`,
      );
      const cipher = new SecretsCipher(Buffer.from(KEY_TWO, 'base64'));
      await secretsMigrationContext.run(cipher, () => new EncryptInstanceSecrets1765000100000().up(runner));
      const [row] = await runner.query('SELECT auth FROM instances');
      await runner.release();
      expect(JSON.stringify(row)).not.toContain('plain-secret-value');
      expect(cipher.open(row.auth.header.authorization)).toBe('Bearer plain-secret-value');
    } finally {
      await sb.close();
    }
  });

  it('refuses a malformed SECRETS_KEY at start without echoing it', async () => {
    await expect(start({ SECRETS_KEY: 'not-32-bytes' })).rejects.toThrow(
      'SECRETS_KEY must be 32 bytes in base64 (e.g. openssl rand -base64 32)',
    );
  });

  it('never wrote a secret to the logs', () => {
    const logs = output.text();
    expect(logs.length).toBeGreaterThan(0);
    for (const value of [secret, KEY_ONE, KEY_TWO, 'plain-secret-value', 'not-32-bytes'])
      expect(logs).not.toContain(value);
  });
});
