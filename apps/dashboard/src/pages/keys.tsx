import { useState } from 'preact/hooks';
import type { ApiError, CreateKeyBody, CreatedKey, KeyView } from '../api';
import { Badge, EmptyState, ErrorNotice } from '../components/notices';
import { useDashboard } from '../context';
import { fmtAgo, fmtInt, fmtTime } from '../format';
import { toApiError, useLoad } from '../hooks';

/** Consumer keys (issue 13): list with limits and usage, create (the secret shown once), disable, revoke. */
export function KeysPage() {
  const { api, canWrite } = useDashboard();
  const keys = useLoad(() => api.listKeys(), [], 10_000);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [writeError, setWriteError] = useState<ApiError | undefined>();

  const act = async (action: () => Promise<unknown>) => {
    setWriteError(undefined);
    try {
      await action();
      keys.reload();
    } catch (caught) {
      setWriteError(toApiError(caught));
    }
  };

  return (
    <section aria-labelledby="keys-title">
      <header class="page-head">
        <h2 id="keys-title">Consumer keys</h2>
      </header>
      <ErrorNotice error={keys.error} what="consumer keys" />
      <ErrorNotice error={writeError} what="the key change" />
      {created && <CreatedKeyNotice created={created} onDone={() => setCreated(null)} />}
      {canWrite && !keys.error?.missingEndpoint && (
        <CreateKeyForm onCreate={(body) => act(async () => setCreated(await api.createKey(body)))} />
      )}
      {keys.data && keys.data.items.length === 0 && (
        <EmptyState title="No consumer keys yet">
          <p>
            Clients need a consumer key to call the gateway. Create one above and give it to the client as its
            API key (<code>Authorization: Bearer</code> for OpenAI SDKs, <code>x-api-key</code> for Anthropic
            SDKs).
          </p>
        </EmptyState>
      )}
      {keys.data && keys.data.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Consumer keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Models</th>
                <th scope="col">Limits</th>
                <th scope="col">Usage (period)</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                {canWrite && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{key.key_prefix}…</code>
                  </td>
                  <td>{key.models?.length ? key.models.join(', ') : 'all'}</td>
                  <td>{limits(key)}</td>
                  <td>{usage(key)}</td>
                  <td>{fmtAgo(key.last_used_at)}</td>
                  <td>{keyState(key)}</td>
                  {canWrite && (
                    <td>
                      <div class="actions">
                        <button
                          type="button"
                          onClick={() => act(() => api.patchKey(key.id, { enabled: !key.enabled }))}
                        >
                          {key.enabled ? 'Disable' : 'Enable'} <span class="visually-hidden">{key.name}</span>
                        </button>
                        <button
                          type="button"
                          class="danger"
                          onClick={() =>
                            confirm(`Revoke ${key.name}? Clients using it fail at once.`) &&
                            act(() => api.revokeKey(key.id))
                          }
                        >
                          Revoke <span class="visually-hidden">{key.name}</span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CreatedKeyNotice({ created, onDone }: { created: CreatedKey; onDone(): void }) {
  const [copied, setCopied] = useState('');
  return (
    <div class="notice notice-ok" role="status">
      <strong>Key {created.name} created. Copy it now: it is not shown again.</strong>
      <p>
        <code class="secret" data-testid="created-key">
          {created.key}
        </code>
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            navigator.clipboard.writeText(created.key).then(
              () => setCopied('Copied.'),
              () => setCopied('Copy failed: select the key and copy it by hand.'),
            )
          }
        >
          Copy key
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
        <span aria-live="polite">{copied}</span>
      </div>
    </div>
  );
}

function CreateKeyForm({ onCreate }: { onCreate(body: CreateKeyBody): Promise<void> }) {
  const [form, setForm] = useState({
    name: '',
    models: '',
    rpm: '',
    tpm: '',
    tokens: '',
    period: 'month',
    expires: '',
  });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onInput: (event: Event) => setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const body: CreateKeyBody = { name: form.name.trim() };
    const models = form.models
      .split(',')
      .map((model) => model.trim())
      .filter(Boolean);
    if (models.length) body.models = models;
    if (form.rpm) body.rpm = Number(form.rpm);
    if (form.tpm) body.tpm = Number(form.tpm);
    if (form.tokens)
      body.budget = { tokens: Number(form.tokens), period: form.period as 'day' | 'month' | 'total' };
    if (form.expires) body.expires_at = new Date(form.expires).toISOString();
    void onCreate(body).then(() => setForm({ ...form, name: '' }));
  };
  return (
    <form class="filters" aria-labelledby="create-key-title" onSubmit={submit}>
      <h3 id="create-key-title" class="form-title">
        Create a key
      </h3>
      <label>
        Name <input required {...field('name')} />
      </label>
      <label>
        Models (comma-separated, globs) <input placeholder="all" {...field('models')} />
      </label>
      <label>
        Requests / min <input type="number" min={1} {...field('rpm')} />
      </label>
      <label>
        Tokens / min <input type="number" min={1} {...field('tpm')} />
      </label>
      <label>
        Budget (tokens) <input type="number" min={1} {...field('tokens')} />
      </label>
      <label>
        Budget period
        <select {...field('period')}>
          <option value="day">day</option>
          <option value="month">month</option>
          <option value="total">total</option>
        </select>
      </label>
      <label>
        Expires <input type="datetime-local" {...field('expires')} />
      </label>
      <button type="submit" class="primary">
        Create key
      </button>
    </form>
  );
}

function limits(key: KeyView): string {
  const parts = [
    key.rpm ? `${fmtInt(key.rpm)} rpm` : null,
    key.tpm ? `${fmtInt(key.tpm)} tpm` : null,
    key.budget?.tokens ? `${fmtInt(key.budget.tokens)} tokens / ${key.budget.period}` : null,
    key.budget?.usd ? `$${key.budget.usd} / ${key.budget.period}` : null,
    key.expires_at ? `expires ${fmtTime(key.expires_at)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'none';
}

function usage(key: KeyView): string {
  const numbers = Object.entries(key.usage ?? {}).filter(([, value]) => typeof value === 'number');
  return numbers.length
    ? numbers.map(([name, value]) => `${name.replace(/_/g, ' ')} ${fmtInt(value as number)}`).join(' · ')
    : '—';
}

function keyState(key: KeyView) {
  if (key.revoked_at) return <Badge tone="bad">revoked</Badge>;
  if (key.expires_at && Date.parse(key.expires_at) < Date.now()) return <Badge tone="warn">expired</Badge>;
  return key.enabled ? <Badge tone="ok">enabled</Badge> : <Badge tone="muted">disabled</Badge>;
}
