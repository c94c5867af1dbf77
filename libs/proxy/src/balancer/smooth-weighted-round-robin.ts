/**
 * nginx's smooth weighted round robin over a fixed member list. Each pick may exclude members (already tried,
 * circuit open); the excluded ones neither gain nor lose credit, so the shares of the rest stay exact.
 */
export class SmoothWeightedRoundRobin {
  private readonly current: number[];

  constructor(private readonly weights: readonly number[]) {
    this.current = weights.map(() => 0);
  }

  /** Index of the chosen member, or -1 when no eligible member has a positive weight. */
  pick(eligible: (index: number) => boolean): number {
    let best = -1;
    let total = 0;
    for (let i = 0; i < this.weights.length; i++) {
      const weight = this.weights[i];
      if (weight <= 0 || !eligible(i)) continue;
      this.current[i] += weight;
      total += weight;
      if (best === -1 || this.current[i] > this.current[best]) best = i;
    }
    if (best !== -1) this.current[best] -= total;
    return best;
  }
}
