import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

/**
 * A page that throws while rendering (e.g. an API answer of an unexpected shape) shows the error in its place;
 * without this, Preact unmounts the whole app and the navigation with it. Keyed by the path in app.tsx, so
 * moving to another page starts over.
 */
export function PageBoundary({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary();
  if (!error) return <>{children}</>;
  return (
    <div class="notice notice-error" role="alert">
      <strong>This page failed to render</strong>
      <p>{String(error)}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
