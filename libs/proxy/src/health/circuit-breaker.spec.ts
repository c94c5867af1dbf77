import { CircuitBreaker } from './circuit-breaker';
import { InstanceHealthRegistry } from './instance-health.registry';

const settings = { failure_threshold: 3, cooldown: 1000 };

describe('CircuitBreaker', () => {
  it('opens after failure_threshold consecutive failures and stays open for the cooldown', () => {
    const breaker = new CircuitBreaker();
    breaker.onFailure(0, settings);
    breaker.onFailure(10, settings);
    expect(breaker.state(10)).toBe('closed');
    expect(breaker.allows(10)).toBe(true);
    breaker.onFailure(20, settings);
    expect(breaker.snapshot(20)).toEqual({
      state: 'open',
      consecutive_failures: 3,
      open_until: 1020,
      opened_at: 20,
    });
    expect(breaker.allows(1019)).toBe(false);
    expect(breaker.acquire(1019)).toBe(false);
  });

  it('a success in between resets the count', () => {
    const breaker = new CircuitBreaker();
    breaker.onFailure(0, settings);
    breaker.onFailure(0, settings);
    breaker.onSuccess();
    breaker.onFailure(0, settings);
    expect(breaker.state(0)).toBe('closed');
  });

  it('lets exactly one probe through when half-open; success closes', () => {
    const breaker = new CircuitBreaker();
    for (let i = 0; i < 3; i++) breaker.onFailure(0, settings);
    expect(breaker.state(1000)).toBe('half_open');
    expect(breaker.acquire(1000)).toBe(true);
    expect(breaker.allows(1001)).toBe(false);
    expect(breaker.acquire(1001)).toBe(false);
    breaker.onSuccess();
    expect(breaker.snapshot(1002)).toEqual({
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
      opened_at: null,
    });
  });

  it('a failed probe reopens for another cooldown', () => {
    const breaker = new CircuitBreaker();
    for (let i = 0; i < 3; i++) breaker.onFailure(0, settings);
    expect(breaker.acquire(1500)).toBe(true);
    breaker.onFailure(1600, settings);
    expect(breaker.snapshot(1600)).toEqual({
      state: 'open',
      consecutive_failures: 4,
      open_until: 2600,
      opened_at: 1600,
    });
  });

  it('a late failure while open extends the cooldown but keeps when it opened', () => {
    const breaker = new CircuitBreaker();
    for (let i = 0; i < 3; i++) breaker.onFailure(100, settings);
    breaker.onFailure(400, settings);
    expect(breaker.snapshot(400)).toMatchObject({ state: 'open', open_until: 1400, opened_at: 100 });
  });

  it('a probe that ended without a verdict frees the slot', () => {
    const breaker = new CircuitBreaker();
    for (let i = 0; i < 3; i++) breaker.onFailure(0, settings);
    breaker.acquire(1000);
    breaker.release();
    expect(breaker.acquire(1000)).toBe(true);
  });
});

describe('InstanceHealthRegistry', () => {
  it('reports every named instance, ISO times when open, null when closed', () => {
    let now = 0;
    const registry = new InstanceHealthRegistry(() => now);
    const breaker = registry.breaker('r1', 'a');
    for (let i = 0; i < 3; i++) breaker.onFailure(0, settings);
    expect(registry.breaker('r1', 'a')).toBe(breaker);
    expect(registry.report('r1', ['a', 'b'])).toEqual([
      { name: 'a', state: 'open', consecutive_failures: 3, open_until: new Date(1000).toISOString() },
      { name: 'b', state: 'closed', consecutive_failures: 0, open_until: null },
    ]);
    now = 1000;
    expect(registry.report('r1', ['a'])[0].state).toBe('half_open');
  });
});

describe('InstanceHealthRegistry.published', () => {
  it('lists the breakers that are not closed and clean, by route and instance, with ISO times', () => {
    const registry = new InstanceHealthRegistry(() => 500);
    for (let i = 0; i < 3; i++) registry.breaker('r1', 'a').onFailure(0, settings);
    registry.breaker('r1', 'b').onFailure(0, settings);
    registry.breaker('r1', 'c').onSuccess();
    registry.breaker('r2', 'd').onSuccess();
    expect(registry.published()).toEqual({
      r1: {
        a: {
          state: 'open',
          consecutive_failures: 3,
          open_until: new Date(1000).toISOString(),
          opened_at: new Date(0).toISOString(),
        },
        b: { state: 'closed', consecutive_failures: 1, open_until: null, opened_at: null },
      },
    });
  });
});
