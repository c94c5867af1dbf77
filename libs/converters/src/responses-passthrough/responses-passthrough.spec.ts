import { GatewayErrorCode } from '@switchboard/common/errors';
import { from } from 'rxjs';
import * as path from 'node:path';
import { fixedClock } from '../testing/fixed-clock';
import { readSseFixture, runStream } from '../testing/stream-run';
import { responsesIdentityConverter as converter } from './index';

const FIXTURES = path.join(__dirname, '../responses-to-anthropic/__fixtures__');
const run = async (name: string, take?: number) => {
  const events = await readSseFixture(path.join(FIXTURES, name));
  return runStream(from(take === undefined ? events : events.slice(0, take)), (hooks) =>
    converter.convertStream({}, fixedClock(), hooks),
  );
};

describe('Responses passthrough', () => {
  it('forwards a Responses stream unchanged and reports its usage once', async () => {
    const source = await readSseFixture(path.join(FIXTURES, 'thinking-text-tool.responses.sse'));
    const result = await run('thinking-text-tool.responses.sse');
    expect(result.events).toEqual(source);
    expect(result.error).toBeUndefined();
    expect(result.usage).toHaveLength(1);
    expect(result.firstTokens).toBe(1);
  });

  it('forwards response.failed + error and raises UPSTREAM_ERROR', async () => {
    const result = await run('error-mid-stream.responses.sse');
    expect(result.events[result.events.length - 1].event).toBe('error');
    expect(result.error).toMatchObject({ code: GatewayErrorCode.UPSTREAM_ERROR });
  });

  it('appends an error event to a cut stream, numbered after the last event', async () => {
    const result = await run('text.responses.sse', 4);
    const last = JSON.parse(result.events[4].data) as { type: string; sequence_number: number };
    expect(last).toMatchObject({ type: 'error', sequence_number: 4 });
    expect(result.error).toMatchObject({ code: GatewayErrorCode.UPSTREAM_STREAM_CUT });
  });
});
