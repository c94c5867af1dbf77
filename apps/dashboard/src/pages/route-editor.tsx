import { useMemo, useRef, useState } from 'preact/hooks';
import { type ApiError, READ_ONLY_ROUTE_FIELDS, type RouteView } from '../api';
import { ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { toApiError, useLoad } from '../hooks';
import { lineOf, locateJsonPaths } from './json-locate';
import { FIRST_ROUTE_EXAMPLE } from './route-example';

/**
 * Create (`id` undefined) or replace a route as JSON. The admin API's field errors are listed beside the editor
 * with the line each belongs to; choosing one selects that line. Secrets arrive as "******" and sending
 * "******" back keeps the stored value, so the editor never sees a real secret.
 */
/** Matches `.editor textarea` / `.gutter li` line-height in styles.css. */
const LINE_HEIGHT_PX = 20;

export function RouteEditorPage({ id }: { id?: string }) {
  const { api } = useDashboard();
  const existing = useLoad(async () => (id ? api.getRoute(id) : null), [id]);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [parseError, setParseError] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);

  const shown = text ?? (existing.data ? editable(existing.data) : id ? '' : FIRST_ROUTE_EXAMPLE);
  const lines = useMemo(() => locateJsonPaths(shown), [shown]);
  const gutter = useRef<HTMLOListElement>(null);
  // Line → the field errors on it, shown in the gutter beside the line.
  const errorLines = useMemo(() => {
    const marks = new Map<number, string>();
    for (const detail of error?.details ?? []) {
      const line = lineOf(lines, detail.path);
      if (line !== undefined)
        marks.set(line, [marks.get(line), `${detail.path}: ${detail.message}`].filter(Boolean).join('; '));
    }
    return marks;
  }, [error, lines]);

  const save = async () => {
    setError(undefined);
    setParseError('');
    let body: unknown;
    try {
      body = JSON.parse(shown);
    } catch (caught) {
      setParseError(`Not valid JSON: ${(caught as Error).message}`);
      return;
    }
    try {
      const saved = id ? await api.replaceRoute(id, body) : await api.createRoute(body);
      location.hash = `#/routes/${encodeURIComponent(saved.id)}`;
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      const first = failure.details
        .map((detail) => lineOf(lines, detail.path))
        .find((line) => line !== undefined);
      if (first !== undefined && area.current)
        area.current.scrollTop = Math.max(0, (first - 4) * LINE_HEIGHT_PX);
    }
  };

  const selectLine = (line: number) => {
    const element = area.current;
    if (!element) return;
    const all = shown.split('\n');
    const start = all.slice(0, line - 1).reduce((sum, one) => sum + one.length + 1, 0);
    element.focus();
    element.setSelectionRange(start, start + (all[line - 1]?.length ?? 0));
  };

  return (
    <section aria-labelledby="editor-title">
      <header class="page-head">
        <h2 id="editor-title">{id ? `Edit route ${id}` : 'New route'}</h2>
        <a href={id ? `#/routes/${encodeURIComponent(id)}` : '#/routes'}>Cancel</a>
      </header>
      <ErrorNotice error={existing.error} what={`route ${id}`} />
      {id && !existing.data && text === null ? (
        !existing.error && <p class="muted">Loading the route…</p>
      ) : (
        <div class="editor">
          <div class="editor-main">
            <label for="route-json">
              Route JSON (secrets show as ******; leaving ****** keeps the stored value)
            </label>
            <div class="editor-body">
              <ol class="gutter" ref={gutter} aria-hidden="true">
                {shown.split('\n').map((_line, index) => {
                  const message = errorLines.get(index + 1);
                  return (
                    <li key={index} class={message ? 'gutter-error' : undefined} title={message}>
                      {message ? `! ${index + 1}` : index + 1}
                    </li>
                  );
                })}
              </ol>
              <textarea
                id="route-json"
                ref={area}
                wrap="off"
                onScroll={(event) => {
                  if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
                }}
                spellcheck={false}
                rows={28}
                value={shown}
                aria-invalid={error !== undefined || parseError !== ''}
                aria-describedby="route-errors"
                onInput={(event) => setText(event.currentTarget.value)}
              />
            </div>
            <div class="actions">
              <button type="button" class="primary" onClick={() => void save()}>
                {id ? 'Save route' : 'Create route'}
              </button>
            </div>
          </div>
          <aside id="route-errors" class="editor-errors" aria-live="polite" aria-label="Field errors">
            {parseError && (
              <p class="notice notice-error" role="alert">
                {parseError}
              </p>
            )}
            {error && error.details.length > 0 ? (
              <div role="alert">
                <h3>{error.message}</h3>
                <ul class="field-errors">
                  {error.details.map((detail) => {
                    const line = lineOf(lines, detail.path);
                    return (
                      <li key={detail.path + detail.message}>
                        <button type="button" class="link" onClick={() => line && selectLine(line)}>
                          line {line ?? '?'} · <code>{detail.path || '(body)'}</code>
                        </button>
                        <span>{detail.message}</span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : (
              <ErrorNotice error={error} what="the route (nothing was saved)" />
            )}
          </aside>
        </div>
      )}
    </section>
  );
}

function editable(route: RouteView): string {
  const copy: Record<string, unknown> = { ...route };
  for (const field of READ_ONLY_ROUTE_FIELDS) delete copy[field];
  return JSON.stringify(copy, null, 2);
}
