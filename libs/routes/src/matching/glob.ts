/** A model pattern compiled once: `*` matches any run of characters (including none); all else is literal. */
export interface CompiledGlob {
  pattern: string;
  /** Characters other than `*`: the more, the more specific the pattern. */
  literalLength: number;
  /** The literal text before the first `*` and after the last one (either may be empty). */
  prefix: string;
  suffix: string;
  test(model: string): boolean;
}

export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}

/**
 * Matched with startsWith/endsWith/indexOf rather than a RegExp: V8 compiles a RegExp on its first use,
 * which made each glob's first test cost tens of µs. With `*` the only wildcard, taking each middle
 * literal at its earliest position is enough: a later position never leaves more room for what follows.
 */
export function compileGlob(pattern: string): CompiledGlob {
  const parts = pattern.split('*');
  const literalLength = pattern.length - (parts.length - 1);
  const prefix = parts[0];
  const suffix = parts.length > 1 ? parts[parts.length - 1] : '';
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  const test =
    parts.length === 1
      ? (model: string) => model === pattern
      : (model: string) => {
          if (model.length < literalLength || !model.startsWith(prefix) || !model.endsWith(suffix))
            return false;
          const end = model.length - suffix.length;
          let position = prefix.length;
          for (const part of middle) {
            const found = model.indexOf(part, position);
            if (found === -1 || found + part.length > end) return false;
            position = found + part.length;
          }
          return true;
        };
  return { pattern, literalLength, prefix, suffix, test };
}
