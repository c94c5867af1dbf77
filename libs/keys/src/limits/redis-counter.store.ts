import type Redis from 'ioredis';
import type { CounterStore, CounterValue } from './counter-store';

/** INCRBY, and set the window on the increment that created the counter: one atomic script. */
const ADD = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -1 and tonumber(ARGV[2]) > 0 and count == tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}`;

const GET = `
local count = redis.call('GET', KEYS[1])
if not count then return nil end
return {tonumber(count), redis.call('PTTL', KEYS[1])}`;

const SEED = `
if tonumber(ARGV[2]) > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[1], 'NX')
end
return {tonumber(redis.call('GET', KEYS[1])), redis.call('PTTL', KEYS[1])}`;

/** Counters shared by every replica on one Redis; names are prefixed so tests and deployments can share it. */
export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(name: string, amount: number, windowMs: number | null): Promise<CounterValue> {
    const reply = (await this.redis.eval(ADD, 1, this.prefix + name, amount, windowMs ?? 0)) as [
      number,
      number,
    ];
    return toValue(reply);
  }

  async get(name: string): Promise<CounterValue | null> {
    const reply = (await this.redis.eval(GET, 1, this.prefix + name)) as [number, number] | null;
    return reply === null ? null : toValue(reply);
  }

  async seed(name: string, value: number, windowMs: number | null): Promise<CounterValue> {
    const reply = (await this.redis.eval(SEED, 1, this.prefix + name, value, windowMs ?? 0)) as [
      number,
      number,
    ];
    return toValue(reply);
  }
}

function toValue([count, ttl]: [number, number]): CounterValue {
  return { count: Number(count), resetMs: Number(ttl) >= 0 ? Number(ttl) : null };
}
