import { BatchedLines } from './batched-lines';

describe('BatchedLines', () => {
  afterEach(() => jest.useRealTimers());

  it('hands the lines of a burst over as one string, in order, once the delay has passed', () => {
    jest.useFakeTimers();
    const written: string[] = [];
    const lines = new BatchedLines({ write: (batch) => written.push(batch) });
    lines.write('{"a":1}\n');
    lines.write('{"a":2}\n');
    expect(written).toEqual([]);
    jest.advanceTimersByTime(49);
    expect(written).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(written).toEqual(['{"a":1}\n{"a":2}\n']);
    lines.write('{"a":3}\n');
    jest.advanceTimersByTime(50);
    expect(written).toEqual(['{"a":1}\n{"a":2}\n', '{"a":3}\n']);
  });

  it('hands over at once when 16 KB are pending, and on flush', () => {
    jest.useFakeTimers();
    const written: string[] = [];
    const lines = new BatchedLines({ write: (batch) => written.push(batch) });
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 16; i++) lines.write(line);
    expect(written).toEqual([line.repeat(16)]);
    lines.write('last\n');
    lines.flush();
    expect(written).toEqual([line.repeat(16), 'last\n']);
    lines.flush();
    jest.advanceTimersByTime(100);
    expect(written).toHaveLength(2);
  });

  it('take() returns what is pending and writes nothing', () => {
    const written: string[] = [];
    const lines = new BatchedLines({ write: (batch) => written.push(batch) });
    lines.write('one\n');
    expect(lines.take()).toBe('one\n');
    expect(lines.take()).toBe('');
    expect(written).toEqual([]);
  });
});
