import type { Protocol } from '@switchboard/protocols';

/** How a provider expects its API key; informational (the instance's `auth.header` is what is sent). */
export type AuthStyle = 'bearer' | 'x-api-key' | 'api-key';

/** Where one protocol lives on a provider. */
export interface ProtocolEndpoint {
  /** Path appended when `override.endpoint` is scheme+host[:port] only (or there is no override). */
  defaultPath: string;
  /** Path appended to a base URL the way the official SDK does (`…/v1` + `/chat/completions`). */
  basePathSuffix: string;
}

/** What Switchboard knows about one provider. Plain data: no I/O, no framework. */
export interface ProviderDriver {
  readonly name: string;
  /** The protocol an instance speaks when it does not say. */
  readonly nativeProtocol: Protocol;
  readonly protocols: Partial<Record<Protocol, ProtocolEndpoint>>;
  /** Origin used when the instance has no `override.endpoint`; undefined when one is required. */
  readonly defaultOrigin?: string;
  readonly authStyle: AuthStyle;
  /** Azure OpenAI names the deployment in the URL, so `model` is removed from the body (Chat Completions only). */
  readonly removeModel: boolean;
}
