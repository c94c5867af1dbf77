import type { ClientCall } from '../intake/client-call';
import type { PlannedInstance, RoutePlan } from '../routing/route-plan';

/** The headers every routed response carries: request id, route, attempts so far, the instance that answered. */
export function routeHeaders(
  call: ClientCall,
  plan: RoutePlan,
  attempts: number,
  instance: PlannedInstance | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-request-id': call.requestId,
    'x-switchboard-route': plan.headerName,
    'x-switchboard-attempts': String(attempts),
  };
  if (instance !== undefined) headers['x-switchboard-instance'] = instance.headerName;
  if (call.protocol === 'anthropic-messages') headers['request-id'] = call.requestId;
  return headers;
}

/** The head of a streamed 200. */
export function streamHead(
  call: ClientCall,
  plan: RoutePlan,
  attempts: number,
  instance: PlannedInstance,
): Record<string, string> {
  const headers = routeHeaders(call, plan, attempts, instance);
  headers['content-type'] = 'text/event-stream; charset=utf-8';
  headers['cache-control'] = 'no-cache';
  headers['x-accel-buffering'] = 'no';
  return headers;
}
