import { useMemo, useState } from 'preact/hooks';
import { AdminClient, adminApi } from './api';
import { PageBoundary } from './components/page-boundary';
import { Dashboard } from './context';
import { useHashPath } from './hooks';
import { KeysPage } from './pages/keys';
import { OverviewPage } from './pages/overview';
import { ReplicasPage } from './pages/replicas';
import { RequestDetailPage } from './pages/request-detail';
import { RequestsPage } from './pages/requests';
import { RouteDetailPage } from './pages/route-detail';
import { RouteEditorPage } from './pages/route-editor';
import { RoutesPage } from './pages/routes';
import { SignIn } from './pages/sign-in';
import { clearSession, loadSession, saveSession, type Session } from './session';

const NAV = [
  { path: 'overview', label: 'Overview' },
  { path: 'routes', label: 'Routes' },
  { path: 'requests', label: 'Requests' },
  { path: 'keys', label: 'Keys' },
  { path: 'replicas', label: 'Replicas' },
];

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState('');
  const path = useHashPath();

  const update = (next: Session | null) => {
    if (next) saveSession(next);
    else clearSession();
    setSession(next);
  };
  const api = useMemo(
    () =>
      session &&
      adminApi(
        new AdminClient(session.token, {
          onUnauthorized: () => {
            setNotice('The admin API no longer accepts this token; sign in again.');
            update(null);
          },
          onForbiddenWrite: () => update({ ...session, role: 'readonly' }),
        }),
      ),
    [session?.token],
  );

  if (!session || !api) {
    return (
      <>
        {notice && (
          <p class="notice notice-error" role="alert">
            {notice}
          </p>
        )}
        <SignIn
          onSignedIn={(token) => {
            setNotice('');
            update({ token, role: 'admin' });
          }}
        />
      </>
    );
  }

  const [section = 'overview', id, action] = path;
  return (
    <Dashboard.Provider value={{ api, canWrite: session.role === 'admin' }}>
      <a
        class="skip"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top-bar">
        <span class="brand">Switchboard</span>
        <nav aria-label="Pages">
          {NAV.map((item) => (
            <a
              key={item.path}
              href={`#/${item.path}`}
              aria-current={section === item.path ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <span class="session">
          {session.role === 'readonly' ? 'read-only' : 'admin'}
          <button type="button" onClick={() => update(null)}>
            Sign out
          </button>
        </span>
      </header>
      {session.role === 'readonly' && (
        <p class="notice" role="status">
          This token is read-only: the API refused a change (403), so editing is hidden.
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <PageBoundary key={path.join('/')}>{page(section, id, action)}</PageBoundary>
      </main>
    </Dashboard.Provider>
  );
}

function page(section: string, id: string | undefined, action: string | undefined) {
  switch (section) {
    case 'routes':
      if (id === 'new') return <RouteEditorPage />;
      if (id && action === 'edit') return <RouteEditorPage id={id} />;
      return id ? <RouteDetailPage id={id} /> : <RoutesPage />;
    case 'requests':
      return id ? <RequestDetailPage id={id} /> : <RequestsPage />;
    case 'keys':
      return <KeysPage />;
    case 'replicas':
      return <ReplicasPage />;
    default:
      return <OverviewPage />;
  }
}
