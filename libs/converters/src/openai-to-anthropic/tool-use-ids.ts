import type { ConversionClock } from '../converter.interface';

const TOOL_ID_INVALID = /[^a-zA-Z0-9_-]/g;

export class IdMap {
  private readonly ids = new Map<string, string>();
  constructor(private readonly clock: ConversionClock) {}
  /** Anthropic needs `^[a-zA-Z0-9_-]+$`; the same client id always maps to the same upstream id. */
  upstreamId(clientId: unknown): string {
    const key = typeof clientId === 'string' ? clientId : '';
    let id = this.ids.get(key);
    if (id === undefined) {
      id =
        key.length > 0
          ? key.replace(TOOL_ID_INVALID, '_')
          : `toolu_${this.clock.newId().replace(TOOL_ID_INVALID, '_')}`;
      if (key.length > 0) this.ids.set(key, id);
    }
    return id;
  }
}
