/** The signed-in token and its role, in sessionStorage (gone when the tab closes; sign-out clears it). */

const TOKEN_KEY = 'switchboard.dashboard.token';
const ROLE_KEY = 'switchboard.dashboard.role';

/**
 * The keys API (issue 13) has no endpoint that tells a token's role, and a write probe would be a write. So a
 * token counts as admin until a write answers 403; from then on the session is read-only and write controls hide.
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
