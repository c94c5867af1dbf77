import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayNodeFlags, nodeFlagsOf } from './gateway-node-flags';

const root = join(__dirname, '..', '..', '..');

describe('gateway node flags', () => {
  it('takes the flags between node and the script', () => {
    expect(nodeFlagsOf('node --max-semi-space-size=4 --x dist/main.js --not-a-node-flag')).toEqual([
      '--max-semi-space-size=4',
      '--x',
    ]);
    expect(nodeFlagsOf('node dist/main.js')).toEqual([]);
    expect(() => nodeFlagsOf('tsx main.ts')).toThrow('not a node command');
  });

  it('are the heap settings npm start uses, and every way of starting the gateway uses the same', () => {
    const flags = gatewayNodeFlags();
    expect(flags.some((flag) => flag.startsWith('--max-semi-space-size='))).toBe(true);
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(nodeFlagsOf(scripts['start:gateway'])).toEqual(flags);
    expect(nodeFlagsOf(scripts['start:admin'])).toEqual(flags);

    const dockerCmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'));
    expect(dockerCmd).not.toBeNull();
    expect((JSON.parse(dockerCmd![1]) as string[]).join(' ')).toBe(
      `node ${flags.join(' ')} dist/apps/switchboard/src/main.js`,
    );
  });
});
