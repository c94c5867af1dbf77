import type { Protocol } from '@switchboard/protocols';

export type DataPlaneEndpoint = 'chat_completions' | 'messages' | 'count_tokens' | 'responses';

/** A validated client request, ready to be routed. */
export interface ClientCall {
  protocol: Protocol;
  endpoint: DataPlaneEndpoint;
  /** The client's parsed body; never mutated (every attempt starts from it). */
  body: Record<string, unknown>;
  model: string;
  stream: boolean;
  requestId: string;
  anthropicVersion?: string;
  anthropicBeta?: string;
  /** Value of the route's chash header, when configured and present. */
  hashKey?: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
}
