/**
 * `npm run fuzz -- [--runs N] [--seed S] [--path P]`: fast-check drives raw HTTP at a gateway started in this
 * process (both data-plane endpoints, converted and passthrough routes, the admin API) and requires: no 5xx the
 * upstream did not send, no dropped connection, every 4xx in the client's protocol shape, the process alive
 * and its RSS bounded. A failure prints its seed and path: rerun with them to replay it.
 */
import fc from 'fast-check';
import { checkExchange } from './fuzz-checks';
import { type FuzzCase, fuzzCase } from './fuzz-cases';
import { startFuzzTargets } from './fuzz-gateway';
import { exchange } from './raw-http';
import { encodeRequest } from './fuzz-wire';

interface FuzzOptions {
  runs: number;
  seed: number;
  path?: string;
  rssLimitMb: number;
}

function readOptions(argv: string[]): FuzzOptions {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 10_000);
  const seed = Number(value('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  const rssLimitMb = Number(value('--rss-limit-mb') ?? 1536);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  return { runs, seed, path: value('--path'), rssLimitMb };
}

function describeCase(fuzzCase: FuzzCase): string {
  return fuzzCase.requests
    .map((request, index) => {
      const body = request.body === undefined ? '' : request.body.toString('utf8');
      const shownBody = body.length > 400 ? `${body.slice(0, 400)}… (${body.length} bytes)` : body;
      const headers = request.headers.map(
        ([name, value]) =>
          `${name}: ${value.length > 80 ? `${value.slice(0, 80)}… (${value.length} chars)` : value}`,
      );
      return [
        `  request ${index + 1}: ${request.method} ${request.path}${request.chunks ? ` chunked ${JSON.stringify(request.chunks)}${request.badChunkSize ? ' (bad chunk size)' : ''}` : ''}`,
        ...headers.map((header) => `    ${header}`),
        `    body: ${shownBody}`,
      ].join('\n');
    })
    .join('\n');
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const targets = await startFuzzTargets();
  const port = {
    openai: targets.gatewayPort,
    anthropic: targets.gatewayPort,
    neutral: targets.gatewayPort,
    admin: targets.adminPort,
  };
  let cases = 0;
  let peakRssMb = 0;
  const statuses = new Map<number, number>();
  const property = fc.asyncProperty(fuzzCase(targets.sb.adminToken), async (fuzzCase) => {
    const chunks = fuzzCase.requests.flatMap((request, index) =>
      encodeRequest(request, index === fuzzCase.requests.length - 1),
    );
    const result = await exchange(port[fuzzCase.target], chunks, fuzzCase.requests.length);
    for (const response of result.responses)
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const problems = checkExchange(fuzzCase, result);
    if (++cases % 100 === 0)
      problems.push(...(await processProblems(targets.gatewayPort, targets.adminPort, options.rssLimitMb)));
    peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${describeCase(fuzzCase)}`);
  });
  const started = Date.now();
  const details = await fc.check(property, {
    numRuns: options.runs,
    seed: options.seed,
    path: options.path,
    endOnFailure: true,
  });
  const summary = `${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${options.seed}, peak RSS ${peakRssMb.toFixed(0)} MB, statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
  await targets.close();
  if (details.failed) {
    console.error(
      `FUZZ FAILURE after ${details.numRuns} runs — replay: npm run fuzz -- --seed ${details.seed} --path ${details.counterexamplePath} --runs 1`,
    );
    console.error((details.errorInstance as Error | undefined)?.message ?? String(details.errorInstance));
    console.error(summary);
    process.exit(1);
  }
  process.stdout.write(`fuzz: OK, ${summary}\n`);
  process.exit(0);
}

/** Both listeners still answer, and memory stays bounded. */
async function processProblems(
  gatewayPort: number,
  adminPort: number,
  rssLimitMb: number,
): Promise<string[]> {
  const problems: string[] = [];
  for (const port of [gatewayPort, adminPort]) {
    const alive = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.status,
      (error: Error) => error.message,
    );
    if (alive !== 200) problems.push(`liveness: /healthz on port ${port} answered ${alive}`);
  }
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  if (rssMb > rssLimitMb) problems.push(`RSS ${rssMb.toFixed(0)} MB exceeds ${rssLimitMb} MB`);
  return problems;
}

main().catch((error: unknown) => {
  console.error(`fuzz could not run: ${(error as Error).stack ?? String(error)}`);
  process.exit(2);
});
