import { parseProcStat, parseProcStatus } from './proc-stats';

describe('/proc parsing', () => {
  it('reads utime and stime even when the command name has spaces and parentheses', () => {
    const stat =
      '4242 (node (my app)) S 1 4242 4242 0 -1 4194560 9137 0 0 0 731 88 0 0 20 0 11 0 123456 1130000384 12000 18446744073709551615';
    expect(parseProcStat(stat)).toEqual({ utime: 731, stime: 88 });
  });

  it('rejects an unreadable stat line', () => {
    expect(() => parseProcStat('garbage')).toThrow('unreadable');
  });

  it('reads VmRSS and VmHWM in kB', () => {
    const status =
      'Name:\tnode\nVmPeak:\t 1100000 kB\nVmHWM:\t   98304 kB\nVmRSS:\t   81234 kB\nThreads:\t11\n';
    expect(parseProcStatus(status)).toEqual({ rssKb: 81234, hwmKb: 98304 });
  });

  it('names the missing field', () => {
    expect(() => parseProcStatus('Name:\tnode\n')).toThrow('VmRSS missing');
  });
});
