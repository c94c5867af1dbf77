import { FailedSignInLimiter } from './failed-sign-in.limiter';

describe('FailedSignInLimiter', () => {
  it('blocks an address after 20 failures within its minute, until that minute is over', () => {
    let now = 1_000_000;
    const limiter = new FailedSignInLimiter(20, () => now);
    for (let failure = 0; failure < 19; failure++) limiter.recordFailure('10.0.0.1');
    expect(limiter.blockedForSeconds('10.0.0.1')).toBe(0);
    limiter.recordFailure('10.0.0.1');
    now += 15_000;
    expect(limiter.blockedForSeconds('10.0.0.1')).toBe(45);
    expect(limiter.blockedForSeconds('10.0.0.2')).toBe(0);
    now += 45_000;
    expect(limiter.blockedForSeconds('10.0.0.1')).toBe(0);
  });

  it('does not block 20 failures spread over more than a minute', () => {
    let now = 0;
    const limiter = new FailedSignInLimiter(20, () => now);
    for (let failure = 0; failure < 40; failure++) {
      limiter.recordFailure('10.0.0.1');
      now += 4_000;
    }
    expect(limiter.blockedForSeconds('10.0.0.1')).toBe(0);
  });
});
