/** An upstream error body: parsed JSON when it is JSON, else its text ('' when empty). */
export function parseMaybeJson(raw: Buffer | undefined): unknown {
  if (raw === undefined || raw.length === 0) return '';
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
