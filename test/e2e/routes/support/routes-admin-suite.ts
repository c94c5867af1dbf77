import { RouteRepository } from '@switchboard/routes';
import { startSwitchboard, type RunningSwitchboard } from '../../../support/switchboard';
import { adminClient, type AdminCall } from '../admin-client';

/** A one-instance OpenAI route whose bearer key is `<name>-key`. */
export function simpleRoute(name: string, models: string[], extra: Record<string, unknown> = {}) {
  return {
    name,
    models,
    instances: [
      { name: 'main', provider: 'openai', auth: { header: { authorization: `Bearer ${name}-key` } } },
    ],
    ...extra,
  };
}

export interface RoutesAdminSuite {
  /** Filled in by the suite's beforeAll: read it in hooks and tests, never at describe time. */
  sb: RunningSwitchboard;
  /** An authenticated admin call (usable at describe time: it reads `sb` when called). */
  call: AdminCall;
  /** The secret header of an instance as stored in the database (decrypted). */
  storedSecret(id: string, instance: string, header: string): Promise<string | undefined>;
}

/** One Switchboard (gateway + admin on a fresh database) for the spec, closed after all its tests. */
export function routesAdminSuite(): RoutesAdminSuite {
  const suite = {
    call: (method, path, body) => adminClient(suite.sb)(method, path, body),
    storedSecret: async (id, instance, header) => {
      const route = await new RouteRepository(
        suite.sb.core.dataSource,
        suite.sb.core.instanceSecrets,
      ).findById(id);
      return route?.instances.find((candidate) => candidate.name === instance)?.auth.header[header];
    },
  } as RoutesAdminSuite;
  beforeAll(async () => {
    suite.sb = await startSwitchboard();
  });
  afterAll(() => suite.sb?.close());
  return suite;
}
