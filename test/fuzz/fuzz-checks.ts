import { type FuzzCase, type FuzzTarget } from './fuzz-cases';
import { type RawExchange, type RawResponse } from './raw-http';

/** What the fuzzer requires of every answer; returns the violations (empty: the case passed). */
export function checkExchange(fuzzCase: FuzzCase, result: RawExchange): string[] {
  const problems: string[] = [];
  const last = result.responses.at(-1);
  // A server may close after an answer that says `Connection: close`; the client then knows to retry elsewhere.
  // A client that keeps uploading past the server's bounded lingering close then sees EPIPE/ECONNRESET on its
  // write: the answer was complete before that, so that is no drop either (nginx behaves the same).
  const announcedClose =
    last !== undefined &&
    /close/i.test(last.headers.connection ?? '') &&
    /^(connection closed|EPIPE|ECONNRESET)/.test(result.failure ?? '');
  if (result.failure !== undefined && !announcedClose) {
    const got = result.responses.map(
      (response) =>
        `${response.status}${response.headers.connection ? ` (connection: ${response.headers.connection})` : ''}`,
    );
    problems.push(`dropped connection: ${result.failure}; received [${got.join(', ')}]`);
  }
  result.responses.forEach((response, index) => {
    const where = `response ${index + 1} (${response.status})`;
    if (response.status >= 500) {
      problems.push(`${where}: a 5xx the upstream did not send: ${preview(response.body)}`);
    } else if (response.status >= 400) {
      const shapeProblem = errorShapeProblem(fuzzCase.target, response);
      if (shapeProblem !== undefined) problems.push(`${where}: ${shapeProblem}: ${preview(response.body)}`);
    }
  });
  return problems;
}

function errorShapeProblem(target: FuzzTarget, response: RawResponse): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `4xx body is not JSON (content-type ${response.headers['content-type'] ?? 'none'})`;
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (typeof error !== 'object' || error === null) return '4xx body has no "error" object';
  switch (target) {
    case 'anthropic':
    case 'neutral':
      return (body as { type?: unknown }).type === 'error' &&
        typeof error.type === 'string' &&
        typeof error.message === 'string'
        ? undefined
        : 'not an Anthropic error ({"type":"error","error":{"type","message"}})';
    case 'openai':
      return typeof error.message === 'string' && typeof error.type === 'string'
        ? undefined
        : 'not an OpenAI error ({"error":{"message","type"}})';
    case 'admin':
      return typeof error.code === 'string' &&
        typeof error.message === 'string' &&
        Array.isArray(error.details)
        ? undefined
        : 'not an admin error ({"error":{"code","message","details"}})';
  }
}

function preview(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
