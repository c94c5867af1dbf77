import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { reply, startAnthropicMock, type AnthropicMock, type ReplySpec } from '../../support/mock-upstreams';
import type { RecordedRequest } from '../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from '../data-plane/support/data-plane-harness';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';

/**
 * The real Codex CLI (`codex exec`, non-interactive) with a custom model provider whose base URL is the gateway
 * (`wire_api = "responses"`), through a scripted loopback Anthropic upstream: turn 1 calls Codex's shell tool to
 * read a file whose content only exists on disk, turn 2 answers with what the tool returned. The answer can only
 * contain that content if Codex ran the call the gateway streamed back and sent its output on the next turn.
 */

const run = promisify(execFile);
const CODEX = path.resolve(__dirname, '../../../node_modules/.bin/codex');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Arguments for whichever shell tool this Codex version offers. */
function shellCall(tools: Json[]): { name: string; input: Json } {
  const names = tools.map((t) => String(t.name));
  if (names.includes('shell_command')) return { name: 'shell_command', input: { command: 'cat secret.txt' } };
  if (names.includes('exec_command')) return { name: 'exec_command', input: { cmd: 'cat secret.txt' } };
  if (names.includes('shell'))
    return { name: 'shell', input: { command: ['bash', '-lc', 'cat secret.txt'] } };
  throw new Error(`no shell tool among ${names.join(', ')}`);
}

function toolResultText(body: Json): string {
  const messages = body.messages as Json[];
  for (const message of [...messages].reverse()) {
    for (const block of Array.isArray(message.content) ? message.content : []) {
      if (block.type === 'tool_result') {
        return typeof block.content === 'string' ? block.content : JSON.stringify(block.content);
      }
    }
  }
  return '';
}

const scripted: ReplySpec = {
  kind: 'dynamic',
  decide: (request: RecordedRequest): ReplySpec => {
    const body = request.body as Json;
    const result = toolResultText(body);
    if (result) return reply.text(`The file says: ${result}`);
    const call = shellCall((body.tools as Json[]) ?? []);
    return reply.turn({ text: 'Reading the file.', toolCalls: [{ id: 'toolu_01Cat', ...call }] });
  },
};

describe('Codex CLI → gateway (Responses) → Anthropic Messages upstream', () => {
  let mock: AnthropicMock;
  let sb: DataPlaneHarness;
  let model: string;
  let home: string;
  let work: string;

  beforeAll(async () => {
    mock = await startAnthropicMock();
    mock.reply(scripted);
    sb = await startDataPlane();
    model = uniqueModel('codex-claude');
    await sb.createRoute(
      routeFor(model, [anthropicInstance('claude', mock.url, { defaults: { max_tokens: 16000 } })], {
        timeout: 30_000,
      }),
    );
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'codex-home-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'codex-work-'));
    fs.writeFileSync(
      path.join(home, 'config.toml'),
      [
        `model = "${model}"`,
        'model_provider = "switchboard"',
        'approval_policy = "never"',
        'sandbox_mode = "danger-full-access"',
        '',
        '[model_providers.switchboard]',
        'name = "Switchboard"',
        `base_url = "${sb.gatewayUrl}/v1"`,
        'wire_api = "responses"',
        'env_key = "SWITCHBOARD_API_KEY"',
        'request_max_retries = 0',
        'stream_max_retries = 0',
        '',
      ].join('\n'),
    );
  }, 120_000);

  afterAll(async () => {
    await sb?.close();
    await mock?.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('completes a task that needs a shell tool call', async () => {
    const secret = `swb-${process.pid}-${Date.now()}`;
    fs.writeFileSync(path.join(work, 'secret.txt'), `${secret}\n`);
    const codex = run(
      CODEX,
      ['exec', '--skip-git-repo-check', 'Print the contents of secret.txt in this directory.'],
      {
        cwd: work,
        timeout: 120_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          CODEX_HOME: home,
          SWITCHBOARD_API_KEY: 'sk-codex-client',
        },
      },
    );
    // `codex exec` appends piped stdin to the prompt: close it so it does not wait for more.
    codex.child.stdin?.end();
    const { stdout, stderr } = await codex.catch(
      (error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`codex failed: ${error.message}\nstdout:\n${error.stdout}\nstderr:\n${error.stderr}`);
      },
    );
    const turns = mock.requests.filter((r) => r.path.endsWith('/messages'));
    for (const turn of turns) expect(turn.rejection).toBeUndefined();
    expect(turns.length).toBeGreaterThanOrEqual(2);
    expect(toolResultText(turns[turns.length - 1].body as Json)).toContain(secret);
    expect(`${stdout}\n${stderr}`).toContain(`The file says:`);
    expect(stdout).toContain(secret);
  }, 180_000);
});
