/**
 * One copy of each text that repeats across requests but is parsed anew from each request's body (the model
 * asked for, the model the upstream reported): a queued row then holds the shared copy, and the request's own
 * string dies young instead of being promoted with the batch. Bounded: cleared when it holds `limit` texts.
 */
export class TextInterner {
  private readonly texts = new Map<string, string>();

  constructor(private readonly limit = 4096) {}

  intern(text: string): string;
  intern(text: string | null): string | null;
  intern(text: string | null): string | null {
    if (text === null) return null;
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size >= this.limit) this.texts.clear();
    // A copy of its own, in case the text is a slice of a larger string (V8 keeps the whole of it alive).
    const own = JSON.parse(JSON.stringify(text)) as string;
    this.texts.set(own, own);
    return own;
  }
}
