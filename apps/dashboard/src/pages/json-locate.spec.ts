import { lineOf, locateJsonPaths } from './json-locate';

describe('locateJsonPaths', () => {
  const text = JSON.stringify({ name: 'r', instances: [{ name: 'a', weight: -1 }, { name: 'b' }] }, null, 2);

  it('finds the line of nested fields and array items', () => {
    const lines = locateJsonPaths(text);
    const textLines = text.split('\n');
    expect(textLines[lines.get('instances.0.weight')! - 1]).toContain('"weight": -1');
    expect(textLines[lines.get('instances.1.name')! - 1]).toContain('"name": "b"');
    expect(textLines[lines.get('name')! - 1]).toContain('"name": "r"');
  });

  it('falls back to the nearest parent for a missing field', () => {
    const lines = locateJsonPaths(text);
    expect(lineOf(lines, 'instances.1.provider')).toBe(lines.get('instances.1'));
  });

  it('returns nothing for invalid JSON', () => {
    expect(locateJsonPaths('{"a": [1, 2').size).toBe(0);
  });
});
