import { type NextFunction, type Request, type Response } from 'express';
import { GatewayErrorCode } from '@switchboard/common/errors';
import { writeAdminError } from './admin-error.writer';

const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/** The admin API reads JSON only: a request body of another type is a 415, not a confusing validation error. */
export function jsonBodyMiddleware(request: Request, response: Response, next: NextFunction): void {
  if (!hasBody(request) || JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) return next();
  writeAdminError(response, 415, {
    code: GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: 'Request body must be JSON (Content-Type: application/json)',
    details: [],
  });
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
