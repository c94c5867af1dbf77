const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90d`, `12h`, `30m`, `45s` → milliseconds; anything else → NaN (the validator names the variable). */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+)\s*([smhd])\s*$/i.exec(text);
  if (match === null) return Number.NaN;
  return Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
}
