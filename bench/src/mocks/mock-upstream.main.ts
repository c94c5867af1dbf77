import { announceReady, numberArg } from '../process/child-args';
import { createMockUpstream } from './mock-upstream.server';

/** Child-process entry: `node mock-upstream.main.js [--port N] [--first-byte-delay MS] [--event-delay MS]`. */
const server = createMockUpstream({
  firstByteDelayMs: numberArg('--first-byte-delay', 0),
  betweenEventsDelayMs: numberArg('--event-delay', 0),
});
server.listen(numberArg('--port', 0), '127.0.0.1', () => announceReady(server));
