import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export interface CpuTicks {
  utime: number;
  stime: number;
}

export interface MemoryKb {
  rssKb: number;
  hwmKb: number;
}

/** utime/stime (clock ticks, all threads) from /proc/<pid>/stat; the command name may contain spaces or ')'. */
export function parseProcStat(stat: string): CpuTicks {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the name start at field 3 (state); utime is field 14, stime field 15.
  const utime = Number(afterName[11]);
  const stime = Number(afterName[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc stat: ${stat}`);
  return { utime, stime };
}

/** VmRSS and VmHWM (peak RSS) in kB from /proc/<pid>/status. */
export function parseProcStatus(status: string): MemoryKb {
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`${name} missing from /proc status`);
    return Number(match[1]);
  };
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

let clockTicksPerSecond: number | undefined;

export function clockTicks(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

/** CPU seconds (user + system) the process has used so far. */
export function readCpuSeconds(pid: number): number {
  const ticks = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return (ticks.utime + ticks.stime) / clockTicks();
}

export function readMemory(pid: number): MemoryKb {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** Resets VmHWM to the current RSS (Linux clear_refs "5"); false when the kernel or permissions refuse. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
