import { parseWrkOutput, wrkDurationMs } from './wrk-output';

const SAMPLE = `Running 1s test @ http://127.0.0.1:18181/bad
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   740.99us    1.95ms  27.17ms   93.01%
    Req/Sec    16.93k     8.96k   24.92k    70.00%
  Latency Distribution
     50%  158.00us
     75%  371.00us
     90%    1.88ms
     99%    9.81ms
  16840 requests in 1.00s, 2.28MB read
  Socket errors: connect 0, read 2, write 1, timeout 3
  Non-2xx or 3xx responses: 16840
Requests/sec:  16801.56
Transfer/sec:      2.28MB
`;

describe('parseWrkOutput', () => {
  it('reads requests, duration, latency percentiles, socket errors and non-2xx answers', () => {
    expect(parseWrkOutput(SAMPLE)).toEqual({
      requests: 16840,
      durationS: 1,
      requestsPerSecond: 16840,
      latencyP50Ms: 0.158,
      latencyP99Ms: 9.81,
      socketErrors: 6,
      non2xx: 16840,
    });
  });

  it('reads a clean run (no error lines) and minute durations', () => {
    const clean = SAMPLE.replace(/ {2}Socket errors.*\n/, '')
      .replace(/ {2}Non-2xx.*\n/, '')
      .replace('in 1.00s', 'in 1.00m');
    const result = parseWrkOutput(clean);
    expect([result.socketErrors, result.non2xx, result.durationS]).toEqual([0, 0, 60]);
  });

  it('refuses output without a total line', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(
      /requests in/,
    );
  });
});

describe('wrkDurationMs', () => {
  it('converts every unit wrk prints', () => {
    expect([wrkDurationMs('850.00us'), wrkDurationMs('1.5ms'), wrkDurationMs('2.00s')]).toEqual([
      0.85, 1.5, 2000,
    ]);
    expect(() => wrkDurationMs('fast')).toThrow();
  });
});
