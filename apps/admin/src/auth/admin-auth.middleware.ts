import { type NextFunction, type Request, type Response } from 'express';
import { GatewayErrorCode } from '@switchboard/common/errors';
import { writeAdminError } from '../errors/admin-error.writer';
import { setAdminRole } from './admin-role';
import { FailedSignInLimiter } from './failed-sign-in.limiter';
import { TokenMatcher } from './token-matcher';

/** Paths of the admin app reachable without the token: the API description and the liveness probe. */
const PUBLIC_PATHS = /^\/(admin\/openapi\.json|admin\/docs(\/.*)?|healthz)$/;
const READ_METHODS = new Set(['GET', 'HEAD']);

export interface AdminTokens {
  /** Can do everything. */
  admin: string;
  /** GET/HEAD only (ADMIN_READONLY_TOKEN). */
  readonly?: string;
}

/**
 * Every admin-app request needs `Authorization: Bearer <token>` or `X-API-KEY: <token>`, except PUBLIC_PATHS.
 * Runs before routing, so unknown paths answer 401 (not 404) to callers without the token. The read-only
 * token gets 403 on writes. Wrong tokens are limited per client address (FailedSignInLimiter).
 */
export function adminAuthMiddleware(tokens: AdminTokens, limiter = new FailedSignInLimiter()) {
  const admin = new TokenMatcher(tokens.admin);
  const readonly = tokens.readonly === undefined ? undefined : new TokenMatcher(tokens.readonly);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (PUBLIC_PATHS.test(request.path.toLowerCase())) return next();
    const presented = presentedToken(request);
    if (admin.matches(presented)) {
      setAdminRole(response, 'admin');
      return next();
    }
    if (readonly?.matches(presented)) {
      if (READ_METHODS.has(request.method)) {
        setAdminRole(response, 'readonly');
        return next();
      }
      return writeAdminError(response, 403, {
        code: GatewayErrorCode.FORBIDDEN,
        message: 'This admin token is read-only (ADMIN_READONLY_TOKEN): it may only GET',
        details: [],
      });
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const waitSeconds = limiter.blockedForSeconds(address);
    if (waitSeconds > 0) {
      response.setHeader('Retry-After', String(waitSeconds));
      return writeAdminError(response, 429, {
        code: GatewayErrorCode.RATE_LIMITED,
        message: `Too many failed admin sign-ins from this address; try again in ${waitSeconds} s`,
        details: [],
      });
    }
    limiter.recordFailure(address);
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
