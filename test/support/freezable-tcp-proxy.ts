/**
 * A TCP hop in front of a server (e.g. Postgres) that a test can freeze (accept and forward nothing, as a
 * stopped or overloaded server does) or take down (refuse connections), without touching the real server.
 */
import { createServer, type Server, Socket } from 'node:net';
import { type AddressInfo } from 'node:net';

export class FreezableTcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private frozen = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  /** Existing connections stop forwarding; new ones are accepted and never answered. */
  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  /** Stops listening and cuts every connection: the next connect is refused. */
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server?.listening) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.frozen) {
      client.pause();
      return;
    }
    const upstream = new Socket();
    this.track(upstream);
    upstream.connect(this.target.port, this.target.host);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }
}
