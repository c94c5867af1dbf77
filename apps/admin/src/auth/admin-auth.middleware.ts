import { type NextFunction, type Request, type Response } from 'express';
import { GatewayErrorCode } from '@switchboard/common/errors';
import { writeAdminError } from '../errors/admin-error.writer';
import { TokenMatcher } from './token-matcher';

/** Paths of the admin app reachable without the token: the API description and the liveness probe. */
const PUBLIC_PATHS = /^\/(admin\/openapi\.json|admin\/docs(\/.*)?|healthz)$/;

/**
 * Every admin-app request needs `Authorization: Bearer <token>` or `X-API-KEY: <token>`, except PUBLIC_PATHS.
 * Runs before routing, so unknown paths answer 401 (not 404) to callers without the token.
 */
export function adminAuthMiddleware(token: string) {
  const matcher = new TokenMatcher(token);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (PUBLIC_PATHS.test(request.path.toLowerCase())) return next();
    if (matcher.matches(presentedToken(request))) return next();
    writeAdminError(response, 401, {
      code: GatewayErrorCode.UNAUTHORIZED,
      message: 'Missing or invalid admin token: send "Authorization: Bearer <token>" or "X-API-KEY: <token>"',
      details: [],
    });
  };
}

function presentedToken(request: Request): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : undefined;
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}
