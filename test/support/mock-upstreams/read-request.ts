import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from './recorded-request';

/** Reads one incoming request in full, with promises that tell when the client aborted or the response settled. */
export async function readRequest(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<RecordedRequest | undefined> {
  let aborted = false;
  let markAborted!: () => void;
  let markSettled!: () => void;
  const abortedPromise = new Promise<void>((resolve) => (markAborted = resolve));
  const settled = new Promise<void>((resolve) => (markSettled = resolve));
  res.on('close', () => {
    if (!res.writableFinished) {
      aborted = true;
      markAborted();
    }
    markSettled();
  });

  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return undefined;
  }
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://mock');
  const request: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    rawBody,
    body: parseObject(rawBody),
    receivedAt: Date.now(),
    aborted: abortedPromise,
    wasAborted: () => aborted,
    settled,
    stream: { framesWritten: 0, framesTotal: 0 },
  };
  return request;
}

function parseObject(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
