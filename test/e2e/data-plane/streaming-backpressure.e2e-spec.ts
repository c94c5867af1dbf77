import { request as httpRequest, type IncomingMessage } from 'node:http';
import { delay, reply, type AnthropicMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, routeFor, uniqueModel } from './support/route-builders';
import { waitFor } from './support/wait-for';

/**
 * A client that stops reading holds the upstream back (res.write backpressure pauses the upstream read), and
 * reading again lets it continue. The answer is far larger than every socket and stream buffer in between.
 */
describe('streaming backpressure', () => {
  let claude: AnthropicMock;
  let sb: DataPlaneHarness;

  const suite = dataPlaneSuite({ claude: 'anthropic' });
  beforeAll(() => {
    ({ claude } = suite.mocks);
    sb = suite.sb;
  });

  it('a paused client pauses the upstream; resuming lets it continue; closing aborts it', async () => {
    const model = uniqueModel('backpressure');
    await sb.createRoute(routeFor(model, [anthropicInstance('big', claude.url)], { timeout: 30_000 }));
    const deltaSize = 16 * 1024;
    claude.enqueue(reply.turn({ text: 'x'.repeat(deltaSize * 3_000), deltaSize })); // ~48 MB of text

    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const url = new URL('/v1/chat/completions', sb.gatewayUrl);
      const req = httpRequest(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        resolve,
      );
      req.on('error', reject);
      req.end(
        JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'Say x, a lot.' }] }),
      );
    });
    expect(response.statusCode).toBe(200);
    await new Promise<void>((resolve) => response.once('data', () => resolve()));
    response.pause();

    const upstream = claude.requests[0];
    // Let every buffer on the way fill up, then check the upstream is held back, not finished.
    let previous = -1;
    await waitFor(
      'the upstream writes to stall',
      async () => {
        const written = upstream.stream.framesWritten;
        const stalled = written === previous;
        previous = written;
        await delay(500);
        return stalled && upstream.stream.framesWritten === written;
      },
      20_000,
    );
    const heldAt = upstream.stream.framesWritten;
    expect(heldAt).toBeLessThan(upstream.stream.framesTotal);
    expect(upstream.wasAborted()).toBe(false);

    response.resume();
    await waitFor('the upstream to continue', () => upstream.stream.framesWritten > heldAt + 10, 20_000);

    response.destroy();
    await waitFor('the upstream abort', () => upstream.wasAborted(), 5_000);
    expect(upstream.stream.framesWritten).toBeLessThan(upstream.stream.framesTotal);
  });
});
