/** A FIFO ring buffer with a fixed capacity: pushing onto a full queue drops the oldest item and says so. */
export class BoundedQueue<T> {
  private readonly items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Returns true when the oldest item was dropped to make room. */
  push(item: T): boolean {
    const dropped = this.count === this.capacity;
    if (dropped) this.shift();
    this.items[(this.head + this.count) % this.capacity] = item;
    this.count++;
    return dropped;
  }

  /** Removes and returns up to `max` of the oldest items. */
  take(max: number): T[] {
    const taken: T[] = [];
    while (taken.length < max && this.count > 0) taken.push(this.shift());
    return taken;
  }

  /**
   * Puts items taken earlier back at the front (oldest first), as far as room allows; returns how many of the
   * oldest could not go back.
   */
  unshiftAll(items: readonly T[]): number {
    const room = this.capacity - this.count;
    const kept = items.length <= room ? items : items.slice(items.length - room);
    for (let i = kept.length - 1; i >= 0; i--) {
      this.head = (this.head - 1 + this.capacity) % this.capacity;
      this.items[this.head] = kept[i];
      this.count++;
    }
    return items.length - kept.length;
  }

  private shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    return item;
  }
}
