import { type NextFunction, type Request, type Response } from 'express';
import { type ErrorDetail, GatewayErrorCode } from '@switchboard/common/errors';
import { writeAdminError } from '../errors/admin-error.writer';
import { findUnstorableJson } from './json-limits';

/** Named path segments of the admin API, for field details (`/admin/routes/<id>` → `id`). */
const PATH_PARAMETER_NAMES: Record<string, string> = { routes: 'id' };

/**
 * Runs after body parsing, before any controller: what the database would refuse with an opaque error (a NUL
 * byte in the path, the query or the body) or what would exhaust the stack (deep JSON) is a 400 naming the field.
 */
export function adminInputMiddleware(request: Request, response: Response, next: NextFunction): void {
  const details = [
    ...pathDetails(request.path),
    ...findUnstorableJson(request.query),
    ...bodyDetails(request.body),
  ];
  if (details.length === 0) return next();
  writeAdminError(response, 400, {
    code: GatewayErrorCode.VALIDATION_FAILED,
    message: `Invalid request: ${details.map((detail) => `${detail.path || 'body'}: ${detail.message}`).join('; ')}`,
    details,
  });
}

function pathDetails(path: string): ErrorDetail[] {
  const segments = path.split('/');
  const details: ErrorDetail[] = [];
  segments.forEach((segment, index) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = segment;
    }
    if (!decoded.includes('\u0000')) return;
    const name = PATH_PARAMETER_NAMES[segments[index - 1] ?? ''] ?? `path segment ${index}`;
    details.push({ path: name, message: 'NUL bytes (\\u0000) are not allowed' });
  });
  return details;
}

function bodyDetails(body: unknown): ErrorDetail[] {
  return body === undefined ? [] : findUnstorableJson(body);
}
