import { Agent, createServer, request, type Server } from 'node:http';

/**
 * The floor one Node hop costs: pipes the request to the upstream over a keep-alive pool and pipes the
 * response back, with no parsing, no header rewriting beyond what node:http does itself.
 */
export function createPassthroughProxy(upstreamHost: string, upstreamPort: number): Server {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 60_000 });
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: upstreamHost,
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
