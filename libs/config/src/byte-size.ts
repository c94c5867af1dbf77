const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
  gib: 1024 ** 3,
};

/** `33554432`, `32mb`, `512kb`, `1.5MiB` → bytes (binary units, as body-parser reads them); NaN when unreadable. */
export function parseByteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return Number.NaN;
  const unit = UNITS[match[2].toLowerCase()];
  if (unit === undefined) return Number.NaN;
  return Math.floor(Number(match[1]) * unit);
}
