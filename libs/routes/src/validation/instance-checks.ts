import type { ErrorDetail } from '@switchboard/common/errors';
import { PROTOCOLS, type Protocol } from '@switchboard/protocols';
import { isProviderName, providerFacts } from '@switchboard/providers/provider-facts';
import { headerValueProblem, isHeaderName } from './header-rules';
import { isPlainObject, type JsonObject } from './json-body';

/** The checks across an instance's fields that the DTO cannot express (names unique, provider facts, auth). */
export function checkInstances(instances: unknown, details: ErrorDetail[]): void {
  if (!Array.isArray(instances)) return;
  const firstIndexByName = new Map<string, number>();
  instances.forEach((instance: unknown, index) => {
    if (!isPlainObject(instance)) return;
    const at = `instances.${index}`;
    if (typeof instance.name === 'string') {
      const first = firstIndexByName.get(instance.name);
      if (first === undefined) firstIndexByName.set(instance.name, index);
      else
        details.push({
          path: `${at}.name`,
          message: `duplicate instance name "${instance.name}" (also at instances.${first})`,
        });
    }
    checkProtocol(instance, at, details);
    checkEndpoint(instance, at, details);
    checkAuth(instance.auth, `${at}.auth`, details);
  });
}

/** An explicit protocol must be one the provider's driver speaks (e.g. anthropic speaks both). */
function checkProtocol(instance: JsonObject, at: string, details: ErrorDetail[]): void {
  const { provider, protocol } = instance;
  if (!isProviderName(provider) || !(PROTOCOLS as readonly unknown[]).includes(protocol)) return;
  const spoken = providerFacts(provider).protocols;
  if (!spoken.includes(protocol as Protocol)) {
    details.push({
      path: `${at}.protocol`,
      message: `provider "${String(provider)}" does not speak ${String(protocol)} (it speaks ${spoken.join(', ')})`,
    });
  }
}

function checkEndpoint(instance: JsonObject, at: string, details: ErrorDetail[]): void {
  const override = isPlainObject(instance.override) ? instance.override : undefined;
  const endpoint = override?.endpoint;
  if (typeof endpoint === 'string') {
    if (!isHttpUrl(endpoint)) {
      details.push({ path: `${at}.override.endpoint`, message: 'override.endpoint must be an http(s) URL' });
    } else if (hasUserInfo(endpoint)) {
      details.push({
        path: `${at}.override.endpoint`,
        message:
          'override.endpoint must not carry a user name or password: credentials belong in auth.header',
      });
    }
  } else if (endpoint === undefined || endpoint === null) {
    const provider = instance.provider;
    if (isProviderName(provider) && providerFacts(provider).requiresEndpoint) {
      details.push({
        path: `${at}.override.endpoint`,
        message: `override.endpoint is required for provider "${provider}"`,
      });
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function hasUserInfo(value: string): boolean {
  const url = new URL(value);
  return url.username !== '' || url.password !== '';
}

function checkAuth(auth: unknown, at: string, details: ErrorDetail[]): void {
  if (!isPlainObject(auth)) return;
  for (const part of ['header', 'query'] as const) {
    const map = auth[part];
    if (!isPlainObject(map)) continue;
    for (const [key, value] of Object.entries(map)) {
      const path = `${at}.${part}.${key}`;
      if (typeof value !== 'string') {
        details.push({ path, message: `auth.${part} values must be strings` });
        continue;
      }
      if (part !== 'header') continue;
      if (!isHeaderName(key)) {
        details.push({ path, message: `"${key}" is not a valid header name (RFC 9110 token characters)` });
        continue;
      }
      const problem = headerValueProblem(value);
      if (problem !== undefined) details.push({ path, message: problem });
    }
  }
}
