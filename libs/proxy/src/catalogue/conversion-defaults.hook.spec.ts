import type { UpstreamTarget } from '@switchboard/converters';
import { ModelCatalogue, type ModelFacts } from '@switchboard/catalogue';
import { targetWithModelConversion } from './conversion-defaults.hook';

const facts = (conversion?: ModelFacts['conversion']): ModelFacts => ({
  id: 'claude-test-5-5',
  family: 'anthropic',
  ...(conversion === undefined ? {} : { conversion }),
});
const target = (conversion?: Record<string, unknown>): UpstreamTarget => ({
  provider: 'anthropic',
  ...(conversion === undefined ? {} : { conversion }),
});

describe('targetWithModelConversion', () => {
  const defaults = facts({ json_mode: 'output_config', thinking_mode: 'adaptive' });

  it('fills the keys the instance leaves unset from the model facts', () => {
    const out = targetWithModelConversion(target({ expose_reasoning: false }), defaults, 'openai-chat');
    expect(out.conversion).toEqual({
      expose_reasoning: false,
      json_mode: 'output_config',
      thinking_mode: 'adaptive',
    });
  });

  it("keeps the instance's own value for every key it set", () => {
    const out = targetWithModelConversion(target({ json_mode: 'tool' }), defaults, 'openai-responses');
    expect(out.conversion).toEqual({ json_mode: 'tool', thinking_mode: 'adaptive' });
  });

  it('leaves the target alone for an unknown model or a model without conversion defaults', () => {
    const own = target({ json_mode: 'tool' });
    expect(targetWithModelConversion(own, undefined, 'openai-chat')).toBe(own);
    expect(targetWithModelConversion(own, facts(), 'openai-chat')).toBe(own);
    const bare = target();
    expect(targetWithModelConversion(bare, undefined, 'openai-chat')).toBe(bare);
    expect(bare.conversion).toBeUndefined();
  });

  it('applies only to clients whose converter toward Anthropic reads these options', () => {
    const own = target();
    expect(targetWithModelConversion(own, defaults, 'anthropic-messages')).toBe(own);
  });

  it('fills from the shipped facts of a current Claude model, and a model_info deviation wins over them', () => {
    const catalogue = new ModelCatalogue();
    const opus = catalogue.resolve('claude-opus-5-5');
    expect(targetWithModelConversion(target(), opus?.facts, 'openai-chat').conversion).toEqual({
      json_mode: 'output_config',
      thinking_mode: 'adaptive',
    });
    const deviated = catalogue.resolve('claude-opus-5-5', { conversion: { json_mode: 'tool' } });
    expect(targetWithModelConversion(target(), deviated?.facts, 'openai-chat').conversion).toEqual({
      json_mode: 'tool',
      thinking_mode: 'adaptive',
    });
  });
});
