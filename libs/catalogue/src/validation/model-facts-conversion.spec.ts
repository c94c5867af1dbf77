import { validateModelFacts } from './model-facts.validator';

describe('validateModelFacts: conversion defaults', () => {
  it('accepts the known options with their allowed values', () => {
    const conversion = { json_mode: 'output_config', thinking_mode: 'adaptive', omit_sampling_params: true };
    const checked = validateModelFacts({ id: 'm', family: 'anthropic', conversion }, { partial: false });
    expect(checked.details).toEqual([]);
    expect(checked.facts?.conversion).toEqual(conversion);
  });

  it('names every unknown key and bad value, with the model_info prefix', () => {
    const checked = validateModelFacts(
      {
        conversion: { json_mode: 'json', thinking_mode: 'budget', omit_sampling_params: 'yes', stream: true },
      },
      { partial: true, prefix: 'instances[0].model_info.' },
    );
    expect(checked.details.map((d) => d.path).sort()).toEqual([
      'instances[0].model_info.conversion.json_mode',
      'instances[0].model_info.conversion.omit_sampling_params',
      'instances[0].model_info.conversion.stream',
    ]);
  });

  it('rejects a conversion that is not an object', () => {
    const checked = validateModelFacts({ conversion: ['tool'] }, { partial: true });
    expect(checked.details).toEqual([
      { path: 'conversion', message: 'must be an object of conversion options' },
    ]);
  });
});
