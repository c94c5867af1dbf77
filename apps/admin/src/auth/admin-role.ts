import type { Response } from 'express';

/** What the presented admin token may do: everything, or GET only (ADMIN_READONLY_TOKEN). */
export type AdminRole = 'admin' | 'readonly';

/** The auth middleware leaves the caller's role here for the handlers behind it. */
export function setAdminRole(response: Response, role: AdminRole): void {
  response.locals.adminRole = role;
}

export function adminRoleOf(response: Response): AdminRole | undefined {
  const role: unknown = response.locals.adminRole;
  return role === 'admin' || role === 'readonly' ? role : undefined;
}
