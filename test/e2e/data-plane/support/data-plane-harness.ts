import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { CatalogueState } from '@switchboard/catalogue';
import { RequestRecordBus } from '@switchboard/proxy';
import { startSwitchboard } from '../../../support/switchboard';
import { collectRecords, type RecordCollector } from './record-collector';

/** The client-side keys the SDKs send to the gateway; they must never reach an upstream. */
export const CLIENT_OPENAI_KEY = 'sk-client-openai-key-must-not-leak';
export const CLIENT_ANTHROPIC_KEY = 'sk-ant-client-key-must-not-leak';

export interface StoredRoute {
  id: string;
  name: string;
  models: string[];
  version: number;
  [field: string]: unknown;
}

export interface InstanceHealth {
  name: string;
  state: 'closed' | 'open' | 'half_open';
  consecutive_failures: number;
  open_until: string | null;
}

/** A running Switchboard (gateway + admin on a fresh database) with both official SDKs pointed at it. */
export interface DataPlaneHarness {
  gatewayUrl: string;
  adminUrl: string;
  adminToken: string;
  openai: OpenAI;
  anthropic: Anthropic;
  createRoute(route: Record<string, unknown>): Promise<StoredRoute>;
  patchRoute(id: string, patch: Record<string, unknown>): Promise<StoredRoute>;
  deleteRoute(id: string): Promise<void>;
  health(id: string): Promise<InstanceHealth[]>;
  /** Raw POST to the gateway (JSON body unless a string is given). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The request records the real app's RequestRecordBus publishes. */
  records: RecordCollector;
  /** The gateway's model catalogue (its unknown-model counter). */
  catalogue: CatalogueState;
  close(): Promise<void>;
}

export async function startDataPlane(env: Record<string, string> = {}): Promise<DataPlaneHarness> {
  const switchboard = await startSwitchboard({ env });
  const { gatewayUrl, adminUrl, adminToken } = switchboard;
  const records = collectRecords(switchboard.gatewayApp.get(RequestRecordBus));

  const admin = async (method: string, path: string, body?: unknown, expected: number[] = [200, 201]) => {
    const response = await fetch(`${adminUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) {
      throw new Error(`admin ${method} ${path} → ${response.status}: ${text}`);
    }
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  return {
    gatewayUrl,
    adminUrl,
    adminToken,
    openai: new OpenAI({
      apiKey: CLIENT_OPENAI_KEY,
      baseURL: `${gatewayUrl}/v1`,
      maxRetries: 0,
      timeout: 20_000,
    }),
    anthropic: new Anthropic({
      apiKey: CLIENT_ANTHROPIC_KEY,
      baseURL: gatewayUrl,
      maxRetries: 0,
      timeout: 20_000,
    }),
    createRoute: async (route) => (await admin('POST', '/admin/routes', route, [201])) as StoredRoute,
    patchRoute: async (id, patch) =>
      (await admin('PATCH', `/admin/routes/${id}`, patch, [200])) as StoredRoute,
    deleteRoute: async (id) => void (await admin('DELETE', `/admin/routes/${id}`, undefined, [204])),
    health: async (id) =>
      (
        (await admin('GET', `/admin/routes/${id}/health`, undefined, [200])) as {
          instances: InstanceHealth[];
        }
      ).instances,
    post: (path, body, headers = {}) =>
      fetch(`${gatewayUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    records,
    catalogue: switchboard.gatewayApp.get(CatalogueState),
    close: () => {
      records.stop();
      return switchboard.close();
    },
  };
}
