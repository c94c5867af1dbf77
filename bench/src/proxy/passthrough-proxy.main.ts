import { announceReady, numberArg, stringArg } from '../process/child-args';
import { createPassthroughProxy } from './passthrough-proxy';

/** Child-process entry: `node passthrough-proxy.main.js --upstream-port N [--upstream-host H] [--port N]`. */
const server = createPassthroughProxy(
  stringArg('--upstream-host') ?? '127.0.0.1',
  numberArg('--upstream-port', 0),
);
server.listen(numberArg('--port', 0), '127.0.0.1', () => announceReady(server));
