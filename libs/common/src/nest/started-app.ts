import { type INestApplication } from '@nestjs/common';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

/** A Nest app listening on a socket. */
export interface StartedApp {
  readonly app: INestApplication;
  /** `http://<host>:<port>` to dial (0.0.0.0/:: shown as 127.0.0.1). */
  readonly url: string;
  /** `http://<address>:<port>` exactly as bound (`http://0.0.0.0:8080` when listening on every interface). */
  readonly boundUrl: string;
  /** Stops accepting connections, waits up to `graceMs` for in-flight requests, then cuts the rest. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /**
   * Runs when the grace period ends, before the remaining connections are cut: the place to end responses still
   * in flight in their own protocol. Should settle quickly; connections are cut when it does.
   */
  beforeCut?: () => Promise<void>;
}

export async function listen(
  app: INestApplication,
  host: string,
  port: number,
  graceMs: number,
  options: ListenOptions = {},
): Promise<StartedApp> {
  await app.listen(port, host);
  const server = app.getHttpServer() as Server;
  const address = server.address() as AddressInfo;
  const dialHost = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  const url = httpUrl(dialHost, address.port);
  const boundUrl = httpUrl(address.address, address.port);
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    boundUrl,
    close: () =>
      (closing ??= (async () => {
        server.closeIdleConnections();
        const beforeCut = options.beforeCut ?? (() => Promise.resolve());
        const cut = setTimeout(() => {
          void beforeCut()
            .catch(() => undefined)
            .finally(() => server.closeAllConnections());
        }, graceMs);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
        }
      })()),
  };
}

function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
