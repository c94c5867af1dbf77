import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Protocol } from '@switchboard/protocols';
import type { ProviderDriver } from './provider-driver';

/** A resolved upstream address, split the way an HTTP pool wants it. */
export interface ResolvedEndpoint {
  /** `https://host[:port]`: the key of the connection pool. */
  origin: string;
  /** Path plus query (`auth.query` merged in). */
  path: string;
  /** Full URL, for messages and logs. */
  url: string;
  /** `…/messages/count_tokens` (same query), when the endpoint is a Messages endpoint. */
  countTokensPath?: string;
}

const OPERATION_SUFFIXES = ['/chat/completions', '/messages', '/responses'];

/**
 * Resolve the URL an instance sends to. `override.endpoint` has three forms: scheme+host[:port] alone (the
 * provider's default path is appended), a URL whose path already ends in the operation (used as is), or a base
 * URL as the official SDK takes it (`…/anthropic/` → `…/anthropic/v1/messages`, `…/v1` → `…/v1/chat/completions`).
 */
export function resolveEndpoint(
  driver: ProviderDriver,
  protocol: Protocol,
  endpoint: string | undefined,
  authQuery: Readonly<Record<string, string>> = {},
): ResolvedEndpoint {
  const operation = driver.protocols[protocol];
  if (operation === undefined) {
    throw new GatewayError(
      GatewayErrorCode.INTERNAL,
      `provider '${driver.name}' does not speak ${protocol} (it speaks ${Object.keys(driver.protocols).join(', ')})`,
    );
  }
  const raw = endpoint ?? driver.defaultOrigin;
  if (raw === undefined) {
    throw new GatewayError(GatewayErrorCode.INTERNAL, `provider '${driver.name}' requires override.endpoint`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GatewayError(GatewayErrorCode.INTERNAL, `override.endpoint '${raw}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GatewayError(GatewayErrorCode.INTERNAL, `override.endpoint '${raw}' must be http(s)`);
  }

  const pathname = resolvePathname(url.pathname, operation.defaultPath, operation.basePathSuffix);
  const query = new URLSearchParams(url.search);
  for (const [key, value] of Object.entries(authQuery)) query.set(key, value);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const origin = url.origin;
  const path = `${pathname}${search}`;
  return {
    origin,
    path,
    url: `${origin}${path}`,
    countTokensPath: pathname.endsWith('/messages') ? `${pathname}/count_tokens${search}` : undefined,
  };
}

function resolvePathname(pathname: string, defaultPath: string, basePathSuffix: string): string {
  if (pathname === '' || pathname === '/') return defaultPath;
  if (OPERATION_SUFFIXES.some((suffix) => pathname.endsWith(suffix))) return pathname;
  const base = pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return `${base}${basePathSuffix}`;
}
