import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';

/** An admin API error as the operator should read it: what was called, the status, the server's message. */
export function ErrorNotice({ error, what }: { error: ApiError | undefined; what?: string }) {
  if (!error) return null;
  const missing = error.missingEndpoint;
  return (
    <div class="notice notice-error" role="alert">
      <strong>{what ? `Could not load ${what}` : 'The admin API answered an error'}</strong>
      <p>
        {error.method} {error.path.split('?')[0]} → {error.status || 'no answer'} {error.code}:{' '}
        {error.message}
      </p>
      {missing && (
        <p>
          This admin API endpoint does not exist on this server yet; upgrade Switchboard to a version that has
          it.
        </p>
      )}
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={detail.path + detail.message}>
              <code>{detail.path || '(body)'}</code>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What to do next when a page has nothing to show. */
export function EmptyState({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="empty" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function Badge({
  tone,
  children,
}: {
  tone: 'ok' | 'warn' | 'bad' | 'muted';
  children: ComponentChildren;
}) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

/** A client-side snippet for pointing OpenAI and Anthropic SDKs at this gateway. */
export function ClientSnippet() {
  const gateway = `${location.protocol}//${location.hostname}:8080`;
  return (
    <pre class="code">{`# OpenAI SDK (Python)
client = OpenAI(base_url="${gateway}/v1", api_key="<consumer key>")
client.chat.completions.create(model="<a model a route serves>", messages=[...])

# Anthropic SDK (TypeScript)
const client = new Anthropic({ baseURL: "${gateway}", apiKey: "<consumer key>" });
await client.messages.create({ model: "<a model a route serves>", max_tokens: 256, messages: [...] });`}</pre>
  );
}
