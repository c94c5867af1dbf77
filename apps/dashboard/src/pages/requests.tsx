import { useState } from 'preact/hooks';
import type { RequestFilters } from '../api';
import { ClientSnippet, EmptyState, ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { useLoad } from '../hooks';
import { RequestTable } from './request-table';

const PAGE_SIZE = 50;
const FIELDS: Array<{ name: keyof RequestFilters; label: string; placeholder: string }> = [
  { name: 'status', label: 'Status', placeholder: '429 or 5xx' },
  { name: 'route', label: 'Route', placeholder: 'route name' },
  { name: 'model', label: 'Model', placeholder: 'model' },
  { name: 'key', label: 'Key', placeholder: 'key name' },
];

/** The request log, newest first, filtered and paged; a row opens the request's attempts. */
export function RequestsPage() {
  const { api } = useDashboard();
  const [draft, setDraft] = useState<RequestFilters>({});
  const [filters, setFilters] = useState<RequestFilters>({});
  const [page, setPage] = useState(1);
  const { data, error } = useLoad(
    () => api.listRequests(filters, page, PAGE_SIZE),
    [JSON.stringify(filters), page],
    5000,
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const toIso = (local: string | undefined) => (local ? new Date(local).toISOString() : undefined);

  return (
    <section aria-labelledby="requests-title">
      <header class="page-head">
        <h2 id="requests-title">Requests</h2>
      </header>
      <form
        class="filters"
        aria-label="Filter requests"
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setFilters({ ...draft, since: toIso(draft.since), until: toIso(draft.until) });
        }}
      >
        {FIELDS.map((field) => (
          <label key={field.name}>
            {field.label}
            <input
              name={field.name}
              placeholder={field.placeholder}
              value={draft[field.name] ?? ''}
              onInput={(event) =>
                setDraft({ ...draft, [field.name]: event.currentTarget.value || undefined })
              }
            />
          </label>
        ))}
        <label>
          Since
          <input
            type="datetime-local"
            value={draft.since ?? ''}
            onInput={(event) => setDraft({ ...draft, since: event.currentTarget.value || undefined })}
          />
        </label>
        <label>
          Until
          <input
            type="datetime-local"
            value={draft.until ?? ''}
            onInput={(event) => setDraft({ ...draft, until: event.currentTarget.value || undefined })}
          />
        </label>
        <button type="submit" class="primary">
          Apply filters
        </button>
      </form>
      <ErrorNotice error={error} what="the request log" />
      {data && data.total === 0 && Object.keys(filters).length === 0 && (
        <EmptyState title="No requests logged yet">
          <p>Send a request through the gateway; it shows here within a few seconds.</p>
          <ClientSnippet />
        </EmptyState>
      )}
      {data && (data.total > 0 || Object.keys(filters).length > 0) && (
        <>
          <RequestTable requests={data.items} caption="Request log" />
          <nav class="pager" aria-label="Pages">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <span>
              Page {page} of {pages} ({data.total} requests)
            </span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Older
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
