import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// dist/bench/gateway (compiled) and bench/src/gateway (jest) are both three levels below the repository.
const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * The node flags `npm start` runs the gateway with (the V8 heap settings), read from package.json so that the
 * bench measures the gateway exactly as it is deployed.
 */
export function gatewayNodeFlags(packageJsonPath = join(REPO_ROOT, 'package.json')): string[] {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const start = manifest.scripts?.start;
  if (start === undefined) throw new Error(`${packageJsonPath} has no start script`);
  return nodeFlagsOf(start);
}

/** `node --a --b=1 dist/x.js` → `['--a', '--b=1']`: the flags between `node` and the script. */
export function nodeFlagsOf(command: string): string[] {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`not a node command: ${command}`);
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (!word.startsWith('-')) break;
    flags.push(word);
  }
  return flags;
}
