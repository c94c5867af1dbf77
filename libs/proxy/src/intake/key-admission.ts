import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Admission, ConsumerKeyGate } from '@switchboard/keys';
import type { RequestTrace } from '../record/request-trace';

/** The consumer-key questions the data plane asks (GATEWAY_AUTH=keys|none is the gate's business). */
export type KeyGate = Pick<ConsumerKeyGate, 'identify' | 'admit'>;

/**
 * Identifies the caller's consumer key and admits it for `model` (null: a call without one). The key goes on the
 * trace as soon as it is known (so a 403 or 429 is recorded with it, a 401 without), and the `x-ratelimit-*`
 * headers are set on `res` so every later answer carries them, success or error, stream or not. Refusals are
 * the gate's GatewayErrors, for the one error writer.
 */
export async function admitConsumerKey(
  gate: KeyGate,
  req: IncomingMessage,
  res: ServerResponse,
  model: string | null,
  trace?: RequestTrace,
): Promise<Admission> {
  const caller = gate.identify(req.headers);
  if (trace !== undefined) trace.key = caller?.identity ?? null;
  const admission = await gate.admit(caller, model);
  for (const [name, value] of Object.entries(admission.responseHeaders)) res.setHeader(name, value);
  return admission;
}
