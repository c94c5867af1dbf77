import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { DataPlaneEndpoint } from './client-call';

/** The body checks of each endpoint before routing (Responses: also the features the gateway does not offer). */
export function assertRequestShape(
  endpoint: DataPlaneEndpoint | undefined,
  body: Record<string, unknown>,
): void {
  if (endpoint !== 'responses') {
    if (!Array.isArray(body.messages)) {
      throw invalid('messages', "Missing required field 'messages' (an array).");
    }
    return;
  }
  if (body.input === undefined || body.input === null) {
    throw invalid('input', "Missing required field 'input' (a string or an array of items).");
  }
  if (body.background === true) {
    throw invalid(
      'background',
      'background: true is not supported by this gateway; send the request without it.',
    );
  }
}

function invalid(param: string, message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_REQUEST, message, { param });
}
