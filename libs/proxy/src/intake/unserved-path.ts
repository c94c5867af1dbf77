import type { IncomingHttpHeaders } from 'node:http';
import { clientErrorBody } from '@switchboard/protocols';

/** Which API's error shape a path calls for: the protocol it names, or `neutral` when it names none. */
export type PathFamily = 'openai' | 'anthropic' | 'neutral';

const SERVED = [
  'POST /v1/chat/completions',
  'POST /v1/responses',
  'POST /v1/messages',
  'POST /v1/messages/count_tokens',
  'GET /v1/models',
];
/** Echoed paths are cut here: the answer names the path, it never mirrors 8 KB of it. */
const ECHO_LIMIT = 200;

/**
 * RFC 9112 §3.2.2: a server MUST accept the absolute-form (`POST http://host/v1/messages HTTP/1.1`); its
 * origin-form is the path and query that follow the authority. Any other target is returned as it is.
 */
export function originForm(target: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (authority === null) return target;
  const rest = target.slice(authority[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The path of a target without its query, doubled slashes and trailing slash: only for naming its API. */
function canonicalPath(target: string): string {
  const path = target.split('?', 1)[0].replace(/\/{2,}/g, '/');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Is the path under the data plane's `/v1` (however its slashes are doubled)? */
export function isDataPlanePath(target: string): boolean {
  const path = canonicalPath(target);
  return path === '/v1' || path.startsWith('/v1/');
}

/** The API a request path names: Anthropic for /v1/messages…, OpenAI for /v1/chat/completions…, /v1/responses…
 * and /v1/models… (Anthropic's when the client sends `anthropic-version`), none otherwise. */
export function pathFamily(target: string, headers: IncomingHttpHeaders = {}): PathFamily {
  const path = canonicalPath(target);
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (under('/v1/messages')) return 'anthropic';
  if (under('/v1/chat/completions') || under('/v1/responses')) return 'openai';
  if (under('/v1/models')) return headers['anthropic-version'] !== undefined ? 'anthropic' : 'openai';
  return 'neutral';
}

/**
 * A gateway error body for a request outside the data plane's endpoints: OpenAI's `{"error":{message,type,
 * param,code}}`, Anthropic's `{"type":"error","error":{type,message}}`, or for a path that names neither the
 * same envelope, which both official SDKs read (`error.type`, `error.message`).
 */
export function familyErrorBody(family: PathFamily, status: number, message: string): object {
  return clientErrorBody(family === 'openai' ? 'openai-chat' : 'anthropic-messages', status, message);
}

/** 404 for a path the data plane does not serve, in the family's shape, naming the endpoint it resembles. */
export function unservedPathAnswer(
  method: string,
  target: string,
  headers: IncomingHttpHeaders,
): { family: PathFamily; body: object } {
  const family = pathFamily(target, headers);
  const shown = target.length > ECHO_LIMIT ? `${target.slice(0, ECHO_LIMIT)}…` : target;
  const intended = SERVED.find((entry) => entry.endsWith(` ${canonicalPath(target)}`));
  const hint =
    intended === undefined
      ? ` This gateway serves ${SERVED.join(', ')}.`
      : ` Did you mean ${intended}? Paths match exactly: no trailing slash, no doubled slash.`;
  const lead =
    family === 'openai'
      ? `Invalid URL (${method} ${shown}).`
      : `Not found: ${method} ${shown} is not an endpoint of this gateway.`;
  return { family, body: familyErrorBody(family, 404, lead + hint) };
}
