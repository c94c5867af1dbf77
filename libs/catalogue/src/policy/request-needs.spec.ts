import { canServe } from './can-serve';
import { requestNeeds } from './request-needs';

const pdfData = 'data:application/pdf;base64,JVBERi0x';

describe('requestNeeds', () => {
  it('reads an OpenAI Chat body', () => {
    const needs = requestNeeds('openai-chat', {
      model: 'm',
      messages: [
        { role: 'system', content: 'x'.repeat(40) },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'see' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'file', file: { filename: 'a.pdf', file_data: pdfData } },
          ],
        },
      ],
      tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
      reasoning_effort: 'high',
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } },
    });
    expect(new Set(needs.capabilities)).toEqual(
      new Set(['images', 'pdf', 'tools', 'thinking', 'json_schema']),
    );
    expect(needs.prompt_tokens_estimate).toBeGreaterThanOrEqual(11);
  });

  it('needs nothing special for plain text, and never throws on junk', () => {
    expect(
      requestNeeds('openai-chat', { messages: [{ role: 'user', content: 'hi' }], reasoning_effort: 'none' }),
    ).toEqual({
      capabilities: [],
      prompt_tokens_estimate: 1,
    });
    expect(requestNeeds('openai-chat', { messages: 'nope', tools: {} })).toEqual({
      capabilities: [],
      prompt_tokens_estimate: 0,
    });
    expect(requestNeeds('anthropic-messages', null).capabilities).toEqual([]);
  });

  it('reads an Anthropic Messages body, images inside tool results included', () => {
    const needs = requestNeeds('anthropic-messages', {
      system: [{ type: 'text', text: 'sys' }],
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 't',
              content: [{ type: 'image', source: { type: 'base64', data: 'A' } }],
            },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'A' } },
          ],
        },
      ],
      thinking: { type: 'enabled', budget_tokens: 2048 },
      output_config: { format: { type: 'json_schema', schema: {} } },
    });
    expect(new Set(needs.capabilities)).toEqual(new Set(['images', 'pdf', 'thinking', 'json_schema']));
  });

  it('reads an OpenAI Responses body', () => {
    const needs = requestNeeds('openai-responses', {
      input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'https://x/y.png' }] }],
      tools: [{ type: 'function', name: 'f' }],
      reasoning: { effort: 'low' },
      text: { format: { type: 'json_schema', name: 'x', schema: {} } },
    });
    expect(new Set(needs.capabilities)).toEqual(new Set(['images', 'tools', 'thinking', 'json_schema']));
  });
});

describe('canServe', () => {
  const textOnly = {
    id: 't',
    family: 'other' as const,
    context_window: 10,
    capabilities: { images: false, tools: true },
  };

  it('names the first capability the model lacks', () => {
    expect(canServe({ capabilities: ['tools', 'images'], prompt_tokens_estimate: 1 }, textOnly)).toEqual({
      ok: false,
      missing: 'images',
    });
  });

  it('rejects a prompt longer than the context window', () => {
    expect(canServe({ capabilities: [], prompt_tokens_estimate: 11 }, textOnly)).toEqual({
      ok: false,
      missing: 'context_window',
    });
  });

  it('lets unknown models and unknown facts through', () => {
    expect(canServe({ capabilities: ['images'], prompt_tokens_estimate: 1e9 }, undefined)).toEqual({
      ok: true,
    });
    expect(canServe({ capabilities: ['pdf', 'tools'], prompt_tokens_estimate: 10 }, textOnly)).toEqual({
      ok: true,
    });
  });
});
