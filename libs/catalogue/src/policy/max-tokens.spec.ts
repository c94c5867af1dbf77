import type { ModelFacts } from '../model-facts';
import { capMaxTokens, decideMaxTokens, reportedMaxTokens } from './max-tokens';

const opus: ModelFacts = { id: 'claude-opus-4-5', family: 'anthropic', max_output: 64_000 };
const sonnet37: ModelFacts = {
  id: 'claude-3-7-sonnet',
  family: 'anthropic',
  max_output: 64_000,
  max_output_thinking: 128_000,
};

describe('decideMaxTokens', () => {
  it('sends the model maximum output when the upstream requires max_tokens and nobody set one', () => {
    expect(decideMaxTokens({ facts: opus, required: true })).toEqual({
      value: 64_000,
      reported: 64_000,
      why: 'model_max_output',
      lowered: false,
      raised: false,
    });
  });

  it('sends nothing toward an upstream that does not require max_tokens', () => {
    expect(decideMaxTokens({ facts: opus, required: false })).toMatchObject({
      value: undefined,
      reported: undefined,
    });
  });

  it('keeps the historic fallback for an unknown model', () => {
    expect(decideMaxTokens({ required: true, fallback: 4096 })).toMatchObject({
      value: 4096,
      why: 'fallback',
    });
  });

  it('lets defaults and options win over the model maximum, options over the client', () => {
    expect(decideMaxTokens({ facts: opus, required: true, defaults: 8000 })).toMatchObject({
      value: 8000,
      reported: 8000,
    });
    expect(decideMaxTokens({ facts: opus, required: true, client: 100, defaults: 8000 })).toMatchObject({
      value: 100,
      reported: undefined,
      why: 'client',
    });
    expect(decideMaxTokens({ facts: opus, required: true, client: 100, options: 2000 })).toMatchObject({
      value: 2000,
      reported: 2000,
      why: 'options',
    });
  });

  it('lowers a client, default or option value above the model limit, and reports it', () => {
    for (const key of ['client', 'defaults', 'options'] as const) {
      expect(decideMaxTokens({ facts: opus, required: true, [key]: 100_000 })).toMatchObject({
        value: 64_000,
        reported: 64_000,
        lowered: true,
      });
    }
  });

  it('raises max_tokens above a thinking budget, within the thinking limit', () => {
    expect(
      decideMaxTokens({ facts: opus, required: true, client: 1000, thinkingBudget: 4096 }),
    ).toMatchObject({
      value: 5096,
      reported: 5096,
      raised: true,
    });
    expect(
      decideMaxTokens({ facts: sonnet37, required: true, client: 100_000, thinkingBudget: 16_384 }),
    ).toMatchObject({
      value: 100_000,
      reported: undefined,
    });
    expect(decideMaxTokens({ facts: sonnet37, required: true, thinkingBudget: 16_384 }).value).toBe(128_000);
  });
});

describe('capMaxTokens / reportedMaxTokens', () => {
  it('lowers only values above a known limit', () => {
    expect(capMaxTokens(70_000, opus)).toBe(64_000);
    expect(capMaxTokens(500, opus)).toBe(500);
    expect(capMaxTokens(70_000, undefined)).toBe(70_000);
    expect(capMaxTokens(100_000, sonnet37, true)).toBe(100_000);
  });

  it('reports the value sent only when the client did not ask for exactly it', () => {
    expect(reportedMaxTokens(undefined, 64_000)).toBe(64_000);
    expect(reportedMaxTokens(100_000, 64_000)).toBe(64_000);
    expect(reportedMaxTokens(500, 500)).toBeUndefined();
    expect(reportedMaxTokens(undefined, undefined)).toBeUndefined();
  });
});
