import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { UpstreamAbort } from './upstream-abort';

describe('UpstreamAbort', () => {
  it('aborts once, with the same AbortError reason AbortController gives', () => {
    const handle = new UpstreamAbort();
    const listener = jest.fn();
    handle.on('abort', listener);
    handle.abort();
    handle.abort();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(handle.aborted).toBe(true);
    expect(handle.reason).toBeInstanceOf(DOMException);
    expect((handle.reason as DOMException).name).toBe('AbortError');
    const native = new AbortController();
    native.abort();
    expect((handle.reason as DOMException).message).toBe((native.signal.reason as DOMException).message);
  });

  describe('as an undici signal', () => {
    let server: Server;
    let pool: Pool;
    beforeAll(async () => {
      // Answers headers, then never ends the body.
      server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('part');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
    afterAll(async () => {
      await pool.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('rejects a pending request with the AbortError', async () => {
      const handle = new UpstreamAbort();
      const pending = pool.request({ method: 'GET', path: '/', signal: handle, headersTimeout: 5000 });
      handle.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('destroys a body being read with the AbortError', async () => {
      const handle = new UpstreamAbort();
      const response = await pool.request({ method: 'GET', path: '/', signal: handle });
      const failed = new Promise((resolve) => response.body.once('error', resolve));
      response.body.resume();
      handle.abort();
      await expect(failed).resolves.toMatchObject({ name: 'AbortError' });
    });
  });
});
