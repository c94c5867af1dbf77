import { type INestApplication } from '@nestjs/common';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

/** A Nest app listening on a socket. */
export interface StartedApp {
  readonly app: INestApplication;
  /** `http://<host>:<port>` as bound (0.0.0.0/:: shown as 127.0.0.1 so it can be dialled). */
  readonly url: string;
  /** Stops accepting connections, waits up to `graceMs` for in-flight requests, then cuts the rest. */
  close(): Promise<void>;
}

export async function listen(
  app: INestApplication,
  host: string,
  port: number,
  graceMs: number,
): Promise<StartedApp> {
  await app.listen(port, host);
  const server = app.getHttpServer() as Server;
  const address = server.address() as AddressInfo;
  const dialHost = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  const url = `http://${dialHost.includes(':') ? `[${dialHost}]` : dialHost}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    close: () =>
      (closing ??= (async () => {
        server.closeIdleConnections();
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
        }
      })()),
  };
}
