type Listener = () => Promise<void>;

/**
 * In-process notice that consumer keys were written. One per process, shared by the admin and gateway apps;
 * `publish` resolves once every listener (the gateway's key cache) has reloaded, so an admin write is in force
 * in its own process before its response leaves. Other processes notice through the revision poll.
 */
export class KeyChangeBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener().catch(() => undefined)));
  }
}
