import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Protocol } from '@switchboard/protocols';
import type { KeyIdentity } from '../consumer-key.types';
import type { KeyLimiter } from '../limits/key-limiter';
import type { ConsumerKeyRegistry } from '../registry/consumer-key.registry';
import { modelAllowed } from './model-access';
import { presentedKey } from './presented-key';

export type GatewayAuthMode = 'keys' | 'none';

export interface AdmitRequest {
  protocol: Protocol;
  headers: IncomingHttpHeaders;
  /** The requested model; null for calls without one (GET /v1/models). */
  model: string | null;
}

export interface Admission {
  /** Null with GATEWAY_AUTH=none. */
  key: KeyIdentity | null;
  /** `x-ratelimit-*` headers to send with the response, whatever its status. */
  responseHeaders: Record<string, string>;
  /** Whether the key may use `model` (filters GET /v1/models). */
  allows(model: string): boolean;
}

const OPEN: Admission = { key: null, responseHeaders: {}, allows: () => true };

const HOW_TO_SEND = 'send it as "Authorization: Bearer <key>" or "x-api-key: <key>"';

/**
 * The data plane's one question to the keys lib: may this request go on? Resolves an Admission, or rejects with
 * a GatewayError (INVALID_API_KEY, MODEL_NOT_ALLOWED, RATE_LIMITED, QUOTA_EXCEEDED; write it with keyRefusal).
 * Runs before any upstream call; never echoes the presented key.
 */
export class ConsumerKeyGate {
  constructor(
    readonly mode: GatewayAuthMode,
    private readonly registry: ConsumerKeyRegistry,
    private readonly limiter: KeyLimiter,
  ) {}

  async admit(request: AdmitRequest): Promise<Admission> {
    if (this.mode === 'none') return OPEN;
    const presented = presentedKey(request.headers);
    if (presented === undefined) {
      throw new GatewayError(
        GatewayErrorCode.INVALID_API_KEY,
        this.registry.hasKeys()
          ? `Missing consumer key: ${HOW_TO_SEND}.`
          : 'Missing consumer key, and none exists yet: create one with POST /admin/keys on the admin API ' +
              `(see README "Consumer keys"), then ${HOW_TO_SEND}. GATEWAY_AUTH=none turns keys off.`,
      );
    }
    const lookup = this.registry.lookup(presented);
    if (!lookup.found) {
      throw new GatewayError(
        GatewayErrorCode.INVALID_API_KEY,
        lookup.reason === 'unknown'
          ? 'Invalid consumer key: it is unknown, revoked or was rotated out.'
          : `This consumer key is ${lookup.reason}.`,
      );
    }
    const key = lookup.key;
    if (request.model !== null && !modelAllowed(key.models, request.model)) {
      throw new GatewayError(
        GatewayErrorCode.MODEL_NOT_ALLOWED,
        `This key may not use the model '${request.model}'.`,
      );
    }
    const responseHeaders = await this.limiter.admit(key);
    return {
      key: { id: key.id, name: key.name },
      responseHeaders,
      allows: (model) => modelAllowed(key.models, model),
    };
  }
}
