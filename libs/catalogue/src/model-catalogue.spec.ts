import { SHIPPED_MODELS } from './shipped-models';
import { ModelCatalogue } from './model-catalogue';
import type { ModelFacts } from './model-facts';

const shipped: ModelFacts[] = [
  { id: 'claude-opus-4-*', family: 'anthropic', max_output: 32_000 },
  { id: 'claude-opus-4-5', family: 'anthropic', max_output: 64_000 },
  { id: 'claude-*', family: 'anthropic', max_output: 4_096 },
  { id: 'gpt-4o', family: 'openai', max_output: 16_384 },
  { id: 'gpt-4o-mini', family: 'openai', max_output: 16_384, capabilities: { images: true } },
];

describe('ModelCatalogue matching', () => {
  const catalogue = new ModelCatalogue(shipped);
  const maxOutput = (model: string) => catalogue.resolve(model)?.facts.max_output;

  it('matches an exact id, case-insensitively', () => {
    expect(catalogue.resolve('GPT-4o')).toMatchObject({ how: 'exact', facts: { id: 'gpt-4o' } });
  });

  it('resolves dated snapshots and -latest aliases to their family', () => {
    expect(catalogue.resolve('claude-opus-4-5-20251101')).toMatchObject({
      how: 'family',
      facts: { id: 'claude-opus-4-5' },
    });
    expect(catalogue.resolve('gpt-4o-2024-08-06')).toMatchObject({ how: 'family', facts: { id: 'gpt-4o' } });
    expect(catalogue.resolve('gpt-4o-mini-latest')?.facts.id).toBe('gpt-4o-mini');
    expect(catalogue.resolve('claude-opus-4-5@20251101')?.facts.id).toBe('claude-opus-4-5');
  });

  it('matches patterns, the most specific one winning', () => {
    expect(catalogue.resolve('claude-opus-4-7')).toMatchObject({
      how: 'pattern',
      facts: { id: 'claude-opus-4-*' },
    });
    expect(maxOutput('claude-opus-4-7-20260101')).toBe(32_000);
    expect(maxOutput('claude-sonnet-9')).toBe(4_096);
    expect(maxOutput('claude-opus-4-5')).toBe(64_000);
  });

  it('answers undefined for an unknown model', () => {
    expect(catalogue.resolve('llama-99')).toBeUndefined();
    expect(catalogue.resolve('')).toBeUndefined();
  });

  it('lets an override with the same id replace the shipped entry', () => {
    const next = catalogue.withOverrides([
      { facts: { id: 'gpt-4o', family: 'openai', max_output: 1000 }, version: 3 },
    ]);
    expect(next.resolve('gpt-4o-2024-11-20')).toMatchObject({
      origin: 'override',
      facts: { max_output: 1000 },
    });
    expect(next.list().filter((e) => e.id === 'gpt-4o')).toEqual([
      { id: 'gpt-4o', family: 'openai', max_output: 1000, origin: 'override', version: 3 },
    ]);
    expect(catalogue.resolve('gpt-4o')?.facts.max_output).toBe(16_384);
  });

  it('lets an override pattern beat a shipped pattern of equal specificity, but not a more specific entry', () => {
    const next = catalogue.withOverrides([
      { facts: { id: 'claude-*', family: 'anthropic', max_output: 2_000 }, version: 1 },
      { facts: { id: '*-opus-4-*', family: 'anthropic', max_output: 1_000 }, version: 1 },
    ]);
    expect(next.resolve('claude-haiku-9')?.facts.max_output).toBe(2_000);
    // '*-opus-4-*' has fewer literal characters than 'claude-opus-4-*': the shipped pattern stays.
    expect(next.resolve('claude-opus-4-7')?.facts.max_output).toBe(32_000);
    expect(next.resolve('claude-opus-4-5')?.facts.max_output).toBe(64_000);
  });

  it('merges an instance model_info over the matched facts', () => {
    const resolved = catalogue.resolve('gpt-4o-mini', { max_output: 4_000, capabilities: { tools: false } });
    expect(resolved).toMatchObject({
      origin: 'model_info',
      facts: { id: 'gpt-4o-mini', max_output: 4_000, capabilities: { images: true, tools: false } },
    });
  });

  it('hands every lookup the same frozen facts, without origin or version; model_info merges into a copy', () => {
    const next = catalogue.withOverrides([
      { facts: { id: 'gpt-4o', family: 'openai', max_output: 1000 }, version: 3 },
    ]);
    const first = next.resolve('gpt-4o');
    expect(first).toEqual({
      model: 'gpt-4o',
      facts: { id: 'gpt-4o', family: 'openai', max_output: 1000 },
      how: 'exact',
      origin: 'override',
    });
    expect(next.resolve('GPT-4o-2024-11-20')?.facts).toBe(first?.facts);
    expect(Object.isFrozen(first?.facts)).toBe(true);
    expect(next.resolve('gpt-4o', { max_output: 10 })?.facts.max_output).toBe(10);
    expect(first?.facts.max_output).toBe(1000);
    expect(catalogue.resolve('gpt-4o')?.origin).toBe('shipped');
  });

  it('uses model_info alone for an unknown model', () => {
    expect(catalogue.resolve('my-llm', { max_output: 2_048 })).toMatchObject({
      how: 'model_info',
      facts: { id: 'my-llm', family: 'other', max_output: 2_048 },
    });
  });
});

describe('shipped catalogue data', () => {
  const catalogue = new ModelCatalogue();

  it('has unique ids, positive limits and a source for every limit and price', () => {
    const ids = SHIPPED_MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of SHIPPED_MODELS) {
      for (const n of [model.context_window, model.max_output])
        if (n !== undefined) expect(n).toBeGreaterThan(0);
      if (model.max_output !== undefined) expect(model.sources?.limits?.url).toMatch(/^https:\/\//);
      if (model.prices !== undefined) expect(model.sources?.prices?.url).toMatch(/^https:\/\//);
      if (model.max_output !== undefined && model.context_window !== undefined)
        expect(model.max_output).toBeLessThanOrEqual(model.context_window);
    }
  });

  it('says for every source when it was checked against the provider and whether that confirmed it', () => {
    for (const model of SHIPPED_MODELS) {
      for (const source of Object.values(model.sources ?? {})) {
        expect(source?.checked).toBe('2026-12-07');
        expect(typeof source?.verified).toBe('boolean');
        if (source?.verified === false) expect(source.note).toBeTruthy();
      }
    }
    const verified = (id: string) => catalogue.resolve(id)?.facts.sources;
    expect(verified('claude-opus-4-5')).toMatchObject({
      limits: { verified: true },
      prices: { verified: true },
    });
    expect(verified('gpt-5')?.prices?.verified).toBe(false);
  });

  it.each([
    ['claude-sonnet-4-5-20250929', 64_000],
    ['claude-3-5-haiku-latest', 8_192],
    ['claude-opus-4-1-20250805', 32_000],
    ['claude-opus-4-20250514', 32_000],
    ['gpt-4o-2024-08-06', 16_384],
    ['gpt-5-2025-08-07', 128_000],
    ['deepseek-chat', 8_000],
  ])('resolves %s to max output %d', (model, maxOutput) => {
    expect(catalogue.resolve(model)?.facts.max_output).toBe(maxOutput);
  });

  it('knows Claude 4.x prices including 1-hour cache writes', () => {
    expect(catalogue.resolve('claude-sonnet-4-5')?.facts.prices).toEqual({
      input: 3,
      output: 15,
      cache_read: 0.3,
      cache_write: 3.75,
      cache_write_1h: 6,
    });
  });
});
