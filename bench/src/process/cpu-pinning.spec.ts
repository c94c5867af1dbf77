import { parseCpuList } from './cpu-pinning';

describe('parseCpuList', () => {
  it('expands ranges and single CPUs', () => {
    expect(parseCpuList('0-1')).toEqual([0, 1]);
    expect(parseCpuList('2,5-7\n')).toEqual([2, 5, 6, 7]);
    expect(parseCpuList('3')).toEqual([3]);
  });
});
