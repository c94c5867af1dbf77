import type { ApiErrorBody } from './types';

/** An admin API answer other than 2xx, or no answer at all (status 0). Shown to the operator, never swallowed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
    readonly method = 'GET',
    readonly path = '',
  ) {
    super(message);
  }

  /** The endpoint is not on this server (e.g. telemetry or keys not deployed yet). */
  get missingEndpoint(): boolean {
    return this.status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(this.message);
  }
}

export interface ClientHooks {
  /** 401: the token is wrong or was changed; the session ends. */
  onUnauthorized(): void;
  /** 403 on a write: this token is read-only; write controls hide. */
  onForbiddenWrite(): void;
}

/** fetch against the admin API with `Authorization: Bearer <token>`; JSON in, JSON out, errors as ApiError. */
export class AdminClient {
  constructor(
    private readonly token: string,
    private readonly hooks: ClientHooks,
    private readonly base = '',
  ) {}

  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    return this.call<T>('GET', path + toQuery(query));
  }

  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.call<T>(method, path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', `The admin API did not answer (${String(error)})`, [], method, path);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.ok) return parsed as T;
    const failure = (parsed as ApiErrorBody | undefined)?.error;
    const error = new ApiError(
      response.status,
      failure?.code ?? `HTTP_${response.status}`,
      failure?.message ?? (text.slice(0, 200) || response.statusText),
      failure?.details ?? [],
      method,
      path,
    );
    if (response.status === 401) this.hooks.onUnauthorized();
    if (response.status === 403 && method !== 'GET') this.hooks.onForbiddenWrite();
    throw error;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function toQuery(query?: Record<string, string | number | undefined>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
