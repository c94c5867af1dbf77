import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startSwitchboard, type RunningSwitchboard } from '../../../support/switchboard';

export interface CreatedKey {
  id: string;
  name: string;
  key: string;
  key_prefix: string;
  [field: string]: unknown;
}

/** JSON bodies as the tests read them (asserted field by field). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

/** A Switchboard with GATEWAY_AUTH=keys, an admin client, and SDK factories for a given consumer key. */
export interface KeysHarness {
  switchboard: RunningSwitchboard;
  gatewayUrl: string;
  admin(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: JsonBody }>;
  createKey(body: Record<string, unknown>): Promise<CreatedKey>;
  createRoute(route: Record<string, unknown>): Promise<void>;
  openai(key: string): OpenAI;
  anthropic(key: string): Anthropic;
  close(): Promise<void>;
}

export async function startKeysSwitchboard(env: Record<string, string> = {}): Promise<KeysHarness> {
  const switchboard = await startSwitchboard({ env: { GATEWAY_AUTH: 'keys', ...env } });
  return harnessFor(switchboard);
}

export function harnessFor(switchboard: RunningSwitchboard): KeysHarness {
  const { gatewayUrl, adminUrl, adminToken } = switchboard;
  const admin = async (method: string, path: string, body?: unknown, token = adminToken) => {
    const response = await fetch(`${adminUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    switchboard,
    gatewayUrl,
    admin,
    createKey: async (body) => {
      const created = await admin('POST', '/admin/keys', body);
      if (created.status !== 201)
        throw new Error(`create key → ${created.status}: ${JSON.stringify(created.body)}`);
      return created.body as CreatedKey;
    },
    createRoute: async (route) => {
      const created = await admin('POST', '/admin/routes', route);
      if (created.status !== 201)
        throw new Error(`create route → ${created.status}: ${JSON.stringify(created.body)}`);
    },
    openai: (key) => new OpenAI({ apiKey: key, baseURL: `${gatewayUrl}/v1`, maxRetries: 0, timeout: 20_000 }),
    anthropic: (key) => new Anthropic({ apiKey: key, baseURL: gatewayUrl, maxRetries: 0, timeout: 20_000 }),
    close: () => switchboard.close(),
  };
}

/** Polls `probe` until it returns true; fails with `what` after `timeoutMs`. */
export async function eventually(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 5000,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
