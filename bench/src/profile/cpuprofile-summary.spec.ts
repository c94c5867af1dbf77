import { areaOf, summarizeProfile, type CpuProfile } from './cpuprofile-summary';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('summarizeProfile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('parse', 'file:///w/dist/libs/protocols/src/sse/decoder.js', 9) },
      { id: 4, callFrame: frame('emit', 'file:///w/node_modules/rxjs/dist/cjs/x.js', 0) },
      { id: 5, callFrame: frame('(garbage collector)') },
    ],
    // samples are counted at the median interval: the 5000 µs gap (process descheduled) does not weigh more
    samples: [3, 3, 4, 2, 2, 5, 3],
    timeDeltas: [0, 100, 100, 5000, 100, 100, 100],
  };

  it('ranks self time of busy samples and leaves idle out of the percentages', () => {
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBeCloseTo(0.7);
    expect(summary.idlePercent).toBeCloseTo((200 / 700) * 100);
    expect(summary.functions[0]).toEqual({
      name: 'parse dist/libs/protocols/src/sse/decoder.js:10',
      selfMs: 0.3,
      percent: 60,
    });
    expect(summary.areas.map((area) => area.name)).toEqual(['libs/protocols', 'rxjs', '(garbage collector)']);
  });

  it('groups URLs into packages, own libs and node internals', () => {
    expect(areaOf('file:///x/node_modules/@nestjs/core/router/a.js', 'f')).toBe('@nestjs/core');
    expect(areaOf('file:///x/dist/apps/gateway/src/main.js', 'f')).toBe('apps/gateway');
    expect(areaOf('node:internal/streams/readable', 'f')).toBe('node:internal');
    expect(areaOf('', 'JSON.parse')).toBe('(native/V8)');
  });
});
