import { costUsd } from './cost';

const sonnet = { input: 3, output: 15, cache_read: 0.3, cache_write: 3.75, cache_write_1h: 6 };

describe('costUsd', () => {
  it('prices input and output per million tokens, unrounded', () => {
    expect(costUsd({ input_tokens: 1_000, output_tokens: 333 }, sonnet)).toBeCloseTo(0.003 + 0.004995, 12);
    expect(costUsd({ input_tokens: 1, output_tokens: 0 }, sonnet)).toBe(0.000003);
  });

  it('prices cache reads, 5-minute writes and 1-hour writes each at their own price', () => {
    const cost = costUsd(
      {
        input_tokens: 0,
        output_tokens: 0,
        cache_read_input_tokens: 1_000_000,
        cache_creation_input_tokens: 3_000_000,
        cache_creation_1h_input_tokens: 1_000_000,
      },
      sonnet,
    );
    expect(cost).toBeCloseTo(0.3 + 2 * 3.75 + 6, 10);
  });

  it('charges cache tokens at the input price when the model has no cache prices', () => {
    expect(
      costUsd(
        {
          input_tokens: 0,
          output_tokens: 0,
          cache_read_input_tokens: 2_000_000,
          cache_creation_input_tokens: 1_000_000,
        },
        { input: 1, output: 2 },
      ),
    ).toBe(3);
  });

  it('is null when the prices are unknown', () => {
    expect(costUsd({ input_tokens: 10, output_tokens: 10 }, undefined)).toBeNull();
  });
});
