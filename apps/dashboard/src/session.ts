/** The signed-in token and its role, in sessionStorage (gone when the tab closes; sign-out clears it). */

const TOKEN_KEY = 'switchboard.dashboard.token';
const ROLE_KEY = 'switchboard.dashboard.role';

/**
 * The role comes from `GET /admin/whoami` at sign-in; a write that still answers 403 (a token demoted while
 * signed in) turns the session read-only too, and write controls hide.
 */
export type Role = 'admin' | 'readonly';

export interface Session {
  token: string;
  role: Role;
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  return { token, role: sessionStorage.getItem(ROLE_KEY) === 'readonly' ? 'readonly' : 'admin' };
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(TOKEN_KEY, session.token);
  sessionStorage.setItem(ROLE_KEY, session.role);
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ROLE_KEY);
}
