import { useState } from 'preact/hooks';
import { AdminClient, adminApi, type ApiError } from '../api';
import { ErrorNotice } from '../components/notices';
import { toApiError } from '../hooks';

/** Sign-in with the admin token or the read-only token; checked with a GET before it is kept. */
export function SignIn({ onSignedIn }: { onSignedIn(token: string): void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const candidate = token.trim();
    try {
      const noop = { onUnauthorized() {}, onForbiddenWrite() {} };
      await adminApi(new AdminClient(candidate, noop)).verifyToken();
      onSignedIn(candidate);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <h1>Switchboard</h1>
      <form onSubmit={submit} aria-describedby="sign-in-help">
        <label for="token">Admin token</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          required
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p id="sign-in-help" class="muted">
          The admin token (<code>ADMIN_TOKEN</code>, or the file <code>data/admin-token</code>) or the
          read-only token (<code>ADMIN_READONLY_TOKEN</code>). It is kept in this tab's session storage only.
        </p>
        {error && error.status === 401 ? (
          <p class="notice notice-error" role="alert">
            This token was refused (401). Check for a missing character or an old token.
          </p>
        ) : (
          <ErrorNotice error={error} what="the admin API" />
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
