/** 32-bit FNV-1a: stable across processes and restarts, cheap for short header values. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const POINTS_PER_WEIGHT = 40;
const MAX_POINTS_PER_MEMBER = 400;

/**
 * Consistent-hash ring over members identified by name (weight-proportional virtual nodes). A key maps to the
 * same member while the member set is unchanged; an ineligible member (tried, circuit open) is skipped by walking
 * clockwise, so other keys keep their member.
 */
export class ConsistentHashRing {
  private readonly points: Uint32Array;
  private readonly owners: Int32Array;

  constructor(names: readonly string[], weights: readonly number[]) {
    const entries: Array<[number, number]> = [];
    names.forEach((name, member) => {
      const weight = weights[member];
      if (weight <= 0) return;
      const count = Math.min(MAX_POINTS_PER_MEMBER, weight * POINTS_PER_WEIGHT);
      for (let v = 0; v < count; v++) entries.push([fnv1a32(`${name}#${v}`), member]);
    });
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.points = Uint32Array.from(entries, (e) => e[0]);
    this.owners = Int32Array.from(entries, (e) => e[1]);
  }

  /** Member for `key`, or -1 when no eligible member is on the ring. */
  pick(key: string, eligible: (member: number) => boolean): number {
    const n = this.points.length;
    if (n === 0) return -1;
    const hash = fnv1a32(key);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.points[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    const seen = new Set<number>();
    for (let step = 0; step < n; step++) {
      const owner = this.owners[(lo + step) % n];
      if (seen.has(owner)) continue;
      if (eligible(owner)) return owner;
      seen.add(owner);
    }
    return -1;
  }
}
