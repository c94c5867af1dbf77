import { GatewayError } from '@switchboard/common/errors';
import { fixedClock } from '../testing/fixed-clock';
import { responsesToOpenAiConverter as converter } from './index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fn = (name: string) => ({
  type: 'function',
  name,
  parameters: { type: 'object', properties: {} },
  strict: false,
});
const TOOLS = [
  fn('shell'),
  fn('read'),
  { type: 'custom', name: 'apply_patch' },
  { type: 'namespace', name: 'mcp__fs', description: 'FS', tools: [fn('list')] },
  { type: 'web_search' },
];
const convert = (tool_choice: unknown) =>
  converter.convertRequest(
    { model: 'gpt-5', input: 'x', tools: TOOLS, tool_choice },
    { provider: 'openai' },
    fixedClock(),
  ).body as Json;
const names = (body: Json) => (body.tools as Json[] | undefined)?.map((t) => t.function.name);

describe('Responses tool_choice → Chat', () => {
  it('allowed_tools keeps only the listed tools, mode required → required', () => {
    const body = convert({
      type: 'allowed_tools',
      mode: 'required',
      tools: [
        { type: 'function', name: 'read' },
        { type: 'custom', name: 'apply_patch' },
        { type: 'web_search' },
      ],
    });
    expect(names(body)).toEqual(['read', 'apply_patch']);
    expect(body.tool_choice).toBe('required');
  });

  it('allowed_tools mode auto → auto, a namespaced member named with its namespace', () => {
    const body = convert({
      type: 'allowed_tools',
      mode: 'auto',
      tools: [{ type: 'function', name: 'list', namespace: 'mcp__fs' }],
    });
    expect(names(body)).toEqual(['mcp__fs__list']);
    expect(body.tool_choice).toBe('auto');
  });

  it('allowed_tools listing only dropped built-ins: no tools (auto) or a 400 (required)', () => {
    const body = convert({ type: 'allowed_tools', mode: 'auto', tools: [{ type: 'web_search' }] });
    expect(body.tools).toBeUndefined();
    expect(body.tool_choice).toBeUndefined();
    expect(() =>
      convert({ type: 'allowed_tools', mode: 'required', tools: [{ type: 'web_search' }] }),
    ).toThrow(GatewayError);
  });

  it('allowed_tools naming an unknown function is a 400', () => {
    expect(() =>
      convert({ type: 'allowed_tools', mode: 'auto', tools: [{ type: 'function', name: 'nope' }] }),
    ).toThrow(/nope/);
  });

  it('a named function keeps every tool and forces that one', () => {
    const body = convert({ type: 'function', name: 'shell' });
    expect(names(body)).toEqual(['shell', 'read', 'apply_patch', 'mcp__fs__list']);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'shell' } });
  });

  it('forcing a dropped built-in is a 400', () => {
    expect(() => convert({ type: 'web_search_preview' })).toThrow(GatewayError);
  });
});
