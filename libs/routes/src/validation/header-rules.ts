/** RFC 9110 token characters: what Node's http client accepts as a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/**
 * Why a header value could never be sent (Node's http client throws on it at request time), or undefined.
 * Allowed: visible Latin-1 characters, space and horizontal tab.
 */
export function headerValueProblem(value: string): string | undefined {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code === 0x0d || code === 0x0a) return 'header values must not contain CR or LF';
    if (code > 0xff) return 'header values must be Latin-1 (ISO-8859-1) text';
    if ((code < 0x20 && code !== 0x09) || code === 0x7f)
      return 'header values must not contain control characters';
  }
  return undefined;
}
