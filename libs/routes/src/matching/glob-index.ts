import type { CompiledGlob } from './glob';

/**
 * Globs filed under their literal prefix (else their literal suffix) so a name is tested only against the
 * globs that can match it: an uncached lookup among thousands of tenant globs tests a handful, not all.
 * Globs are given in precedence order; `first` returns the earliest one that matches, as a linear scan would.
 */
export class GlobIndex<T> {
  private readonly byPrefix = new Map<string, number[]>();
  private readonly bySuffix = new Map<string, number[]>();
  /** Distinct key lengths, so a lookup slices the name once per length rather than per glob. */
  private readonly prefixLengths: number[];
  private readonly suffixLengths: number[];
  /** Globs with no literal at either end (`*`, `*a*`): candidates for every name. */
  private readonly unanchored: number[] = [];

  constructor(private readonly entries: ReadonlyArray<{ glob: CompiledGlob; value: T }>) {
    entries.forEach(({ glob }, rank) => {
      if (glob.prefix !== '') file(this.byPrefix, glob.prefix, rank);
      else if (glob.suffix !== '') file(this.bySuffix, glob.suffix, rank);
      else this.unanchored.push(rank);
    });
    this.prefixLengths = distinctLengths(this.byPrefix);
    this.suffixLengths = distinctLengths(this.bySuffix);
  }

  /** The value of the first glob (in the given order) that matches `name`, or undefined. */
  first(name: string): T | undefined {
    let best = this.testFirst(this.unanchored, name, Infinity);
    for (const length of this.prefixLengths) {
      if (length > name.length) break;
      const ranks = this.byPrefix.get(name.slice(0, length));
      if (ranks !== undefined) best = this.testFirst(ranks, name, best);
    }
    for (const length of this.suffixLengths) {
      if (length > name.length) break;
      const ranks = this.bySuffix.get(name.slice(name.length - length));
      if (ranks !== undefined) best = this.testFirst(ranks, name, best);
    }
    return best === Infinity ? undefined : this.entries[best].value;
  }

  /** `ranks` ascend, so the first match among those ahead of `best` is the new best. */
  private testFirst(ranks: readonly number[], name: string, best: number): number {
    for (const rank of ranks) {
      if (rank >= best) return best;
      if (this.entries[rank].glob.test(name)) return rank;
    }
    return best;
  }
}

function file(index: Map<string, number[]>, key: string, rank: number): void {
  const ranks = index.get(key);
  if (ranks === undefined) index.set(key, [rank]);
  else ranks.push(rank);
}

function distinctLengths(index: Map<string, number[]>): number[] {
  return [...new Set([...index.keys()].map((key) => key.length))].sort((a, b) => a - b);
}
