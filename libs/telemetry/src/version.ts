import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The package.json version, found by walking up from this file (works from src and from dist). */
export function gatewayVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'switchboard') return (cached = parsed.version ?? 'unknown');
    }
    dir = dirname(dir);
  }
  return (cached = 'unknown');
}
