import type { IncomingMessage } from 'node:http';
import type { Protocol } from '@switchboard/protocols';
import type { DataPlaneEndpoint } from './client-call';

export interface EndpointSpec {
  method: 'POST' | 'GET';
  protocol: Protocol;
  /** Unset for GET /v1/models. */
  endpoint?: DataPlaneEndpoint;
}

const ENDPOINTS: ReadonlyMap<string, EndpointSpec> = new Map<string, EndpointSpec>([
  ['/v1/chat/completions', { method: 'POST', protocol: 'openai-chat', endpoint: 'chat_completions' }],
  ['/v1/messages', { method: 'POST', protocol: 'anthropic-messages', endpoint: 'messages' }],
  ['/v1/messages/count_tokens', { method: 'POST', protocol: 'anthropic-messages', endpoint: 'count_tokens' }],
  ['/v1/responses', { method: 'POST', protocol: 'openai-responses', endpoint: 'responses' }],
  ['/v1/models', { method: 'GET', protocol: 'openai-chat' }],
]);

/** The data-plane endpoint a request's path names; undefined for any other path. */
export function resolveEndpoint(req: IncomingMessage): EndpointSpec | undefined {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return ENDPOINTS.get(query === -1 ? url : url.slice(0, query));
}

/** GET /v1/models answers in Anthropic's shape when the client says it speaks Anthropic. */
export function clientProtocolOf(spec: EndpointSpec, req: IncomingMessage): Protocol {
  return spec.endpoint === undefined && req.headers['anthropic-version'] !== undefined
    ? 'anthropic-messages'
    : spec.protocol;
}
