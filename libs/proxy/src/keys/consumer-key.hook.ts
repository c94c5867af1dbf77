import type { IncomingMessage, ServerResponse } from 'node:http';
import { isGatewayError } from '@switchboard/common/errors';
import { keyRefusal, type Admission, type ConsumerKeyGate } from '@switchboard/keys';
import type { Protocol } from '@switchboard/protocols';

export interface KeyRefused {
  status: number;
  message: string;
}

/** GATEWAY_AUTH=none without the keys lib (e.g. harnesses that build the handler by hand). */
export const OPEN_KEY_HOOK = {
  admit: async (): Promise<Admission> => ({ key: null, responseHeaders: {}, allows: () => true }),
};

/**
 * HOOK (keys branch): the data plane's consumer-key check, kept in one place so it can move onto the
 * restructured intake as is. Admits the request (rate-limit headers set on `res`) or writes the refusal in the
 * client's protocol and reports it.
 */
export class ConsumerKeyHook {
  constructor(private readonly gate: ConsumerKeyGate) {}

  async admit(
    req: IncomingMessage,
    res: ServerResponse,
    protocol: Protocol,
    model: string | null,
    headers: Record<string, string>,
  ): Promise<Admission | KeyRefused> {
    try {
      const admission = await this.gate.admit({ protocol, headers: req.headers, model });
      for (const [name, value] of Object.entries(admission.responseHeaders)) res.setHeader(name, value);
      return admission;
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      const refusal = keyRefusal(protocol, error);
      const payload = JSON.stringify(refusal.body);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(refusal.status, {
          ...headers,
          ...refusal.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
        });
        res.end(payload);
      }
      return { status: refusal.status, message: error.message };
    }
  }
}

export function isRefused(outcome: Admission | KeyRefused): outcome is KeyRefused {
  return 'status' in outcome;
}
