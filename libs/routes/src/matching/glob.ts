/** A model pattern compiled once: `*` matches any run of characters (including none); all else is literal. */
export interface CompiledGlob {
  pattern: string;
  /** Characters other than `*`: the more, the more specific the pattern. */
  literalLength: number;
  test(model: string): boolean;
}

export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}

export function compileGlob(pattern: string): CompiledGlob {
  const parts = pattern.split('*');
  const source = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('.*');
  const regex = new RegExp(`^${source}$`, 's');
  return {
    pattern,
    literalLength: pattern.length - (parts.length - 1),
    test: (model) => regex.test(model),
  };
}
