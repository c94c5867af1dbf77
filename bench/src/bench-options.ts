export interface BenchOptions {
  smoke: boolean;
  profile: boolean;
  soakSeconds: number;
  durationS: number;
  connections: number;
  streamConnections: number;
  probeIterations: number;
  probeWarmup: number;
  probeMaxMs: number;
  pin: boolean;
  only?: string;
  /** Only the scenarios whose label contains this text (case-insensitive), e.g. `stream`. */
  scenario?: string;
  /** Run the gateway on this PostgreSQL instead of the embedded database (to separate the database's footprint). */
  databaseUrl?: string;
  output: string;
  /** Which parts run: autocannon (the original table), wrk, telemetry, streams, routes. */
  sections: Set<BenchSection>;
  /** Issue-17 method: paired runs and seconds per run. */
  wrkRuns: number;
  wrkDurationS: number;
  /**
   * Issue 12's telemetry A/B: paired runs and seconds per run. More and shorter than the wrk comparison's: the two
   * sides differ by a few per cent, less than this machine's noise over a 10 s run, and the median of many short
   * pairs holds against a noisy stretch that a median of three does not.
   */
  telemetryRuns: number;
  telemetryDurationS: number;
  /** Scale: concurrent slow streams and how long they are held. */
  slowStreams: number;
  holdSeconds: number;
  /** A scratch PostgreSQL database for the 10k-routes admin/start-up figures (emptied first). */
  routesDatabaseUrl?: string;
  /** Build A/B: another build (a checkout with dist/, or a dist dir) measured against the candidate. */
  baselineDir?: string;
  /** The build A/B's candidate; this checkout's dist by default. */
  candidateDir?: string;
}

export const BENCH_SECTIONS = ['autocannon', 'wrk', 'telemetry', 'streams', 'routes'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];
/** `--soak` without a number: the 10 minutes. */
export const DEFAULT_SOAK_SECONDS = 600;

const USAGE = `npm run bench -- [--smoke] [--profile] [--soak SECONDS] [--duration S] [--connections N]
                      [--iterations N] [--no-pin] [--only proxy|gateway] [--scenario TEXT]
                      [--database-url URL] [--output FILE] [--sections autocannon,wrk,telemetry,streams,routes]
                      [--wrk-runs N] [--wrk-duration S] [--telemetry-runs N] [--telemetry-duration S]
                      [--slow-streams N] [--hold S] [--routes-database-url URL]
                      [--baseline DIR [--candidate DIR]]
  --soak without SECONDS soaks ${DEFAULT_SOAK_SECONDS} s.`;

export function parseBenchOptions(argv: string[], defaultOutput: string): BenchOptions {
  const smoke = argv.includes('--smoke');
  const options: BenchOptions = {
    smoke,
    profile: argv.includes('--profile'),
    soakSeconds: 0,
    durationS: smoke ? 1 : 10,
    connections: smoke ? 8 : 32,
    streamConnections: 64,
    probeIterations: smoke ? 15 : 300,
    probeWarmup: smoke ? 3 : 50,
    probeMaxMs: smoke ? 2_000 : 30_000,
    pin: !argv.includes('--no-pin'),
    output: defaultOutput,
    sections: new Set(BENCH_SECTIONS),
    wrkRuns: smoke ? 1 : 3,
    wrkDurationS: smoke ? 1 : 10,
    telemetryRuns: smoke ? 1 : 11,
    telemetryDurationS: smoke ? 1 : 4,
    slowStreams: smoke ? 200 : 1000,
    holdSeconds: smoke ? 6 : 20,
    routesDatabaseUrl: process.env.DATABASE_URL,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const number = (): number => {
      const parsed = Number(value);
      if (!Number.isFinite(parsed) || parsed <= 0)
        throw new Error(`${argv[i]} needs a positive number\n${USAGE}`);
      i++;
      return parsed;
    };
    switch (argv[i]) {
      case '--smoke':
      case '--profile':
      case '--no-pin':
        break;
      case '--soak':
        if (value === undefined || value.startsWith('--')) options.soakSeconds = DEFAULT_SOAK_SECONDS;
        else options.soakSeconds = number();
        break;
      case '--wrk-runs':
        options.wrkRuns = number();
        break;
      case '--wrk-duration':
        options.wrkDurationS = number();
        break;
      case '--telemetry-runs':
        options.telemetryRuns = number();
        break;
      case '--telemetry-duration':
        options.telemetryDurationS = number();
        break;
      case '--slow-streams':
        options.slowStreams = number();
        break;
      case '--hold':
        options.holdSeconds = number();
        break;
      case '--routes-database-url':
        if (!value) throw new Error(`--routes-database-url needs a URL\n${USAGE}`);
        options.routesDatabaseUrl = value;
        i++;
        break;
      case '--baseline':
      case '--candidate':
        if (!value) throw new Error(`${argv[i]} needs a checkout or dist directory\n${USAGE}`);
        if (argv[i] === '--baseline') options.baselineDir = value;
        else options.candidateDir = value;
        i++;
        break;
      case '--sections': {
        const names = (value ?? '').split(',').filter(Boolean);
        const unknown = names.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
        if (names.length === 0 || unknown.length > 0)
          throw new Error(`--sections ${BENCH_SECTIONS.join(',')}\n${USAGE}`);
        options.sections = new Set(names as BenchSection[]);
        i++;
        break;
      }
      case '--duration':
        options.durationS = number();
        break;
      case '--connections':
        options.connections = number();
        break;
      case '--iterations':
        options.probeIterations = number();
        break;
      case '--only':
        if (value !== 'proxy' && value !== 'gateway') throw new Error(`--only proxy|gateway\n${USAGE}`);
        options.only = value;
        i++;
        break;
      case '--scenario':
        if (!value) throw new Error(`--scenario needs part of a scenario label\n${USAGE}`);
        options.scenario = value.toLowerCase();
        i++;
        break;
      case '--database-url':
        if (!value) throw new Error(`--database-url needs a URL\n${USAGE}`);
        options.databaseUrl = value;
        i++;
        break;
      case '--output':
        if (!value) throw new Error(`--output needs a file\n${USAGE}`);
        options.output = value;
        i++;
        break;
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  return options;
}
