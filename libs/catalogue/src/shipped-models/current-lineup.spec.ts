import { ModelCatalogue } from '../model-catalogue';
import { costUsd } from '../policy/cost';

/** The lineup of 2026-12-07: ids, dated snapshots and aliases resolve to the facts Anthropic's and OpenAI's pages give. */
describe('shipped catalogue: current lineup', () => {
  const catalogue = new ModelCatalogue();
  const facts = (model: string) => catalogue.resolve(model)?.facts;

  it.each([
    ['claude-fable-5-2', 1_000_000, 128_000],
    ['claude-fable-5-1', 1_000_000, 128_000],
    ['claude-fable-5', 1_000_000, 128_000],
    ['claude-opus-5-5', 1_000_000, 128_000],
    ['claude-opus-5', 1_000_000, 128_000],
    ['claude-sonnet-5-5', 1_000_000, 128_000],
    ['claude-sonnet-5', 1_000_000, 128_000],
    ['claude-haiku-5-5', 1_000_000, 128_000],
    ['claude-opus-4-8', 1_000_000, 128_000],
    ['claude-opus-4-7', 1_000_000, 128_000],
    ['claude-opus-4-6', 1_000_000, 128_000],
    ['claude-sonnet-4-6', 1_000_000, 128_000],
    ['claude-haiku-4-5', 200_000, 64_000],
    ['gpt-6.2-sol', 1_050_000, 128_000],
    ['gpt-6.2-astra', 1_050_000, 128_000],
    ['gpt-6-sol', 1_050_000, 128_000],
    ['gpt-6-luna', 1_050_000, 128_000],
    ['gpt-5.5', 1_050_000, 128_000],
    ['gpt-5.4', 1_050_000, 128_000],
    ['gpt-5.4-mini', 400_000, 128_000],
    ['gpt-5.4-nano', 400_000, 128_000],
    ['gpt-5.2', 400_000, 128_000],
  ])('knows %s exactly: context %d, max output %d', (model, context, output) => {
    expect(catalogue.resolve(model)).toMatchObject({
      how: 'exact',
      facts: { id: model, context_window: context, max_output: output },
    });
  });

  it.each([
    ['claude-opus-5-5-20260922', 'claude-opus-5-5'],
    ['claude-opus-5-5-latest', 'claude-opus-5-5'],
    ['claude-sonnet-5-5-latest', 'claude-sonnet-5-5'],
    ['claude-haiku-5-5@20261007', 'claude-haiku-5-5'],
    ['claude-fable-5-1-20260901', 'claude-fable-5-1'],
    ['claude-opus-4-8-20260528', 'claude-opus-4-8'],
    ['claude-sonnet-4-6-latest', 'claude-sonnet-4-6'],
    ['gpt-5.5-2026-04-23', 'gpt-5.5'],
    ['gpt-5.4-nano-2026-03-17', 'gpt-5.4-nano'],
    ['gpt-5.2-2025-12-11', 'gpt-5.2'],
  ])('resolves the snapshot or alias %s to %s', (model, id) => {
    expect(catalogue.resolve(model)).toMatchObject({ how: 'family', facts: { id } });
  });

  it('catches later 5.x releases with the family limits and no prices', () => {
    for (const [model, id] of [
      ['claude-opus-5-6', 'claude-opus-5-*'],
      ['claude-sonnet-5-7-20270101', 'claude-sonnet-5-*'],
      ['claude-haiku-5-6', 'claude-haiku-5-*'],
      ['claude-fable-5-3', 'claude-fable-5-*'],
    ]) {
      expect(catalogue.resolve(model)).toMatchObject({
        how: 'pattern',
        facts: { id, context_window: 1_000_000, max_output: 128_000 },
      });
      expect(facts(model)?.prices).toBeUndefined();
    }
    // Opus 4.6–4.8 are listed by id, so the 32K Opus 4.x fallback no longer lowers their max_tokens.
    expect(facts('claude-opus-4-7-20260416')?.max_output).toBe(128_000);
    expect(facts('claude-opus-4-9')).toMatchObject({ id: 'claude-opus-4-*', max_output: 32_000 });
  });

  it('prices Claude 5.x as Anthropic lists them, cache rows included', () => {
    expect(facts('claude-opus-5-5')?.prices).toEqual({
      input: 4,
      output: 20,
      cache_read: 0.2,
      cache_write: 5,
      cache_write_1h: 8,
    });
    expect(facts('claude-opus-5')?.prices).toEqual({
      input: 5,
      output: 25,
      cache_read: 0.5,
      cache_write: 6.25,
      cache_write_1h: 10,
    });
    expect(facts('claude-fable-5-1')?.prices).toEqual({
      input: 10,
      output: 50,
      cache_read: 0.25,
      cache_write: 12.5,
      cache_write_1h: 20,
    });
    expect(facts('claude-fable-5')?.prices?.cache_read).toBe(1);
    expect(facts('claude-sonnet-5')?.prices).toEqual({
      input: 2,
      output: 10,
      cache_read: 0.2,
      cache_write: 2.5,
      cache_write_1h: 4,
    });
    expect(facts('claude-haiku-5-5')?.prices).toEqual({
      input: 0.1,
      output: 0.5,
      cache_read: 0.01,
      cache_write: 0.125,
      cache_write_1h: 0.2,
    });
    expect(facts('claude-sonnet-4-6')?.prices).toMatchObject({ input: 3, output: 15, cache_read: 0.3 });
  });

  it('costs an Opus 5.5 response with 1-hour cache writes at their own price', () => {
    const usage = {
      input_tokens: 1_000_000,
      output_tokens: 1_000_000,
      cache_read_input_tokens: 1_000_000,
      cache_creation_input_tokens: 2_000_000,
      cache_creation_1h_input_tokens: 1_000_000,
    };
    expect(costUsd(usage, facts('claude-opus-5-5-20260922')?.prices)).toBeCloseTo(4 + 20 + 0.2 + 5 + 8, 10);
  });

  it('prices GPT-6 cache writes as OpenAI lists them', () => {
    expect(facts('gpt-6.2-sol')?.prices).toEqual({ input: 2, output: 10, cache_read: 0.1, cache_write: 2.5 });
    expect(facts('gpt-6-luna-2026-09-22')?.prices).toEqual({
      input: 0.1,
      output: 0.5,
      cache_read: 0.01,
      cache_write: 0.125,
    });
    expect(facts('gpt-6-sol')?.note).toMatch(/function calling only with reasoning_effort "none"/);
    expect(facts('gpt-6.2-sol')?.note).toMatch(/rejects reasoning effort "none"/);
  });

  it("marks which sources Anthropic's and OpenAI's own pages confirmed", () => {
    expect(facts('claude-opus-5-5')?.sources).toMatchObject({
      limits: {
        verified: true,
        url: expect.stringContaining('platform.claude.com/docs/zh-CN/models/opus-5-5/'),
      },
      prices: { verified: true },
    });
    expect(facts('claude-fable-5-1')?.sources?.prices).toMatchObject({
      verified: true,
      url: 'https://platform.claude.com/docs/en/about-claude/pricing',
    });
    expect(facts('claude-sonnet-5-5')?.sources?.prices?.verified).toBe(false);
    expect(facts('claude-opus-4-7')?.sources?.limits?.verified).toBe(false);
    expect(facts('gpt-5.4-nano')?.sources?.prices).toMatchObject({
      verified: true,
      url: 'https://developers.openai.com/api/docs/models/gpt-5.4-nano',
    });
    for (const model of ['gpt-6.2-sol', 'gpt-6-sol', 'gpt-6-luna', 'gpt-5.4-nano'])
      expect(facts(model)?.sources?.limits?.verified).toBe(true);
    for (const model of ['gpt-6.2-astra', 'gpt-5.5', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.2']) {
      expect(facts(model)?.sources?.prices).toMatchObject({
        verified: false,
        note: expect.stringMatching(/https:\/\//),
      });
    }
  });

  it('says in the note where a model refuses forced tool use or keeps thinking on', () => {
    for (const model of ['claude-opus-5-5', 'claude-fable-5-1', 'claude-sonnet-5-5'])
      expect(facts(model)?.note).toMatch(/forced tool use .* returns an error/);
    for (const model of ['claude-opus-5-5', 'claude-fable-5-1', 'claude-fable-5-2'])
      expect(facts(model)?.note).toMatch(/cannot be disabled/);
  });
});
