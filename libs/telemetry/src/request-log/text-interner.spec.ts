import { TextInterner } from './text-interner';

describe('TextInterner', () => {
  it('gives back each text unchanged, whatever it holds', () => {
    const interner = new TextInterner();
    const texts = [
      'claude-sonnet-4-5',
      'gpt-4o-2024-08-06',
      'quote " backslash \\ tab \t newline \n',
      'émoji 🚀 and CJK 模型',
      'lone surrogate \ud800 here',
      '',
    ];
    for (const text of texts) {
      expect(interner.intern(text)).toBe(text);
      expect(interner.intern(text)).toBe(text);
    }
  });

  it('passes null through', () => {
    expect(new TextInterner().intern(null)).toBeNull();
  });

  it('a slice of a larger string comes back as the same text', () => {
    const body = `{"model":"claude-opus-4","messages":[${'"x",'.repeat(10_000)}"y"]}`;
    const model = body.slice(10, 25);
    expect(new TextInterner().intern(model)).toBe('claude-opus-4",');
  });

  it('keeps answering correctly past its bound (it starts over)', () => {
    const interner = new TextInterner(3);
    const names = Array.from({ length: 10 }, (_, index) => `model-${index}`);
    for (const name of [...names, ...names]) expect(interner.intern(name)).toBe(name);
  });
});
