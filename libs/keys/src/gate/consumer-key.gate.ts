import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { ConsumerKey, KeyIdentity } from '../consumer-key.types';
import type { KeyLimiter } from '../limits/key-limiter';
import type { ConsumerKeyRegistry } from '../registry/consumer-key.registry';
import { modelAllowed } from './model-access';
import { presentedKey } from './presented-key';

export type GatewayAuthMode = 'keys' | 'none';

/** The caller's key as `identify` found it (opaque to the data plane apart from its identity). */
export interface Caller {
  readonly identity: KeyIdentity;
  readonly key: ConsumerKey;
}

export interface Admission {
  /** `x-ratelimit-*` headers to send with the response, whatever its status. */
  responseHeaders: Record<string, string>;
  /** Whether the key may use `model` (filters GET /v1/models). */
  allows(model: string): boolean;
}

const OPEN: Admission = { responseHeaders: {}, allows: () => true };

const HOW_TO_SEND = 'send it as "Authorization: Bearer <key>" or "x-api-key: <key>"';

/**
 * The data plane's two questions to the keys lib, both before any upstream call; never echoes the presented key.
 * Refusals are GatewayErrors that carry what the client must see (OpenAI `type`/`code`, `www-authenticate`,
 * `retry-after` and `x-ratelimit-*` headers), so the data plane's one error writer answers them:
 * 401 INVALID_API_KEY (`invalid_request_error`/`invalid_api_key`), 403 MODEL_NOT_ALLOWED
 * (`invalid_request_error`/`model_not_allowed`), 429 RATE_LIMITED (`requests`|`tokens`/`rate_limit_exceeded`)
 * and 429 QUOTA_EXCEEDED (`insufficient_quota`/`insufficient_quota`).
 */
export class ConsumerKeyGate {
  constructor(
    readonly mode: GatewayAuthMode,
    private readonly registry: ConsumerKeyRegistry,
    private readonly limiter: KeyLimiter,
  ) {}

  /** Who is calling: null with GATEWAY_AUTH=none; throws INVALID_API_KEY for a missing or unusable key. */
  identify(headers: IncomingHttpHeaders): Caller | null {
    if (this.mode === 'none') return null;
    const presented = presentedKey(headers);
    if (presented === undefined) {
      throw invalidKey(
        this.registry.hasKeys()
          ? `Missing consumer key: ${HOW_TO_SEND}.`
          : 'Missing consumer key, and none exists yet: create one with POST /admin/keys on the admin API ' +
              `(see README "Consumer keys"), then ${HOW_TO_SEND}. GATEWAY_AUTH=none turns keys off.`,
      );
    }
    const lookup = this.registry.lookup(presented);
    if (!lookup.found) {
      throw invalidKey(
        lookup.reason === 'unknown'
          ? 'Invalid consumer key: it is unknown, revoked or was rotated out.'
          : `This consumer key is ${lookup.reason}.`,
      );
    }
    return { identity: { id: lookup.key.id, name: lookup.key.name }, key: lookup.key };
  }

  /**
   * May this caller use `model` now (null: a call without a model, GET /v1/models)? Counts the request against
   * the key's rpm; throws MODEL_NOT_ALLOWED, RATE_LIMITED or QUOTA_EXCEEDED.
   */
  async admit(caller: Caller | null, model: string | null): Promise<Admission> {
    if (caller === null) return OPEN;
    const key = caller.key;
    if (model !== null && !modelAllowed(key.models, model)) {
      throw new GatewayError(
        GatewayErrorCode.MODEL_NOT_ALLOWED,
        `This key may not use the model '${model}'.`,
        {
          clientType: 'invalid_request_error',
          clientCode: 'model_not_allowed',
          // Not counted against rpm, but the answer still tells where the key's windows stand.
          headers: await this.limiter.peek(key),
        },
      );
    }
    const responseHeaders = await this.limiter.admit(key);
    return { responseHeaders, allows: (name) => modelAllowed(key.models, name) };
  }
}

function invalidKey(message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_API_KEY, message, {
    clientType: 'invalid_request_error',
    clientCode: 'invalid_api_key',
    headers: { 'www-authenticate': 'Bearer realm="switchboard"' },
  });
}
