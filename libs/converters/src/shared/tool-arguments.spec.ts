import { repairTruncatedJson, toolInputFromArguments } from './tool-arguments';
import { restoreToolName, safeToolName, ToolNameMap } from './tool-names';

describe('toolInputFromArguments', () => {
  it.each<[unknown, unknown]>([
    ['', {}],
    [undefined, {}],
    ['{"a":1}', { a: 1 }],
    ['[1,2]', { value: [1, 2] }],
    ['"text"', { value: 'text' }],
    ['{"a":1', { a: 1 }],
    ['{"city":"Par', { city: 'Par' }],
    ['{"a":[1,2', { a: [1, 2] }],
    ['{"a":', { a: null }],
    ['{"a', { a: null }],
    ['not json at all', {}],
  ])('%j → %j', (input, expected) => {
    expect(toolInputFromArguments(input)).toEqual(expected);
  });

  it('repairs nested truncation', () => {
    expect(JSON.parse(repairTruncatedJson('{"a":{"b":"x\\'))).toEqual({ a: { b: 'x' } });
  });
});

describe('tool names', () => {
  it('keeps valid names and shortens long ones deterministically', () => {
    expect(safeToolName('get_weather')).toBe('get_weather');
    const long = `mcp__server__${'x'.repeat(80)}`;
    const short = safeToolName(long);
    expect(short).toMatch(/^[a-zA-Z0-9_-]{64}$/);
    expect(safeToolName(long)).toBe(short);
    expect(safeToolName(`${long}y`)).not.toBe(short);
  });

  it('sanitizes invalid characters and restores originals', () => {
    const map = new ToolNameMap();
    const up = map.upstreamName('files.read');
    expect(up).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(map.upstreamName('ok')).toBe('ok');
    expect(restoreToolName(map.restoreTable(), up)).toBe('files.read');
    expect(restoreToolName(map.restoreTable(), 'ok')).toBe('ok');
    expect(restoreToolName(undefined, 'x')).toBe('x');
  });
});
