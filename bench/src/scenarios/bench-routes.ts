import { MOCK_PATHS } from './bench-requests';

export const BENCH_ROUTE_NAMES = {
  claude: 'bench-claude',
  gpt: 'bench-gpt',
  fallback: 'bench-fallback',
  slow: 'bench-claude-slow',
  claudeBurst: 'bench-claude-burst',
  gptBurst: 'bench-gpt-burst',
  slowStream: 'bench-claude-100ms',
  claudeTick: 'bench-claude-tick',
} as const;

/** Effectively never opens, so every fallback request really takes the failing instance first. */
const BREAKER_NEVER_OPENS = { failure_threshold: 1_000_000_000, cooldown: 1 };

/** The admin API bodies (issue 2 shape) for the routes the scenarios use, pointed at the mock upstream. */
export function benchRoutes(mockPort: number): Array<Record<string, unknown>> {
  const base = `http://127.0.0.1:${mockPort}`;
  const anthropicInstance = (name: string, path: string): Record<string, unknown> => ({
    name,
    provider: 'anthropic-compatible',
    auth: { header: { 'x-api-key': 'bench-upstream-key' } },
    override: { endpoint: `${base}${path}` },
  });
  const openaiInstance = (name: string, path: string, priority: number): Record<string, unknown> => ({
    name,
    provider: 'openai-compatible',
    priority,
    auth: { header: { authorization: 'Bearer bench-upstream-key' } },
    override: { endpoint: `${base}${path}` },
  });
  return [
    {
      name: BENCH_ROUTE_NAMES.claude,
      models: ['bench-claude'],
      instances: [anthropicInstance('mock-anthropic', MOCK_PATHS.anthropic)],
    },
    {
      name: BENCH_ROUTE_NAMES.gpt,
      models: ['bench-gpt'],
      instances: [openaiInstance('mock-openai', MOCK_PATHS.openai, 0)],
    },
    {
      name: BENCH_ROUTE_NAMES.fallback,
      models: ['bench-fallback'],
      instances: [
        openaiInstance('mock-failing', MOCK_PATHS.failingOpenai, 1),
        openaiInstance('mock-healthy', MOCK_PATHS.openai, 0),
      ],
      fallback_strategy: ['http_5xx'],
      circuit_breaker: BREAKER_NEVER_OPENS,
    },
    {
      name: BENCH_ROUTE_NAMES.slow,
      models: ['bench-claude-slow'],
      instances: [anthropicInstance('mock-anthropic-slow', MOCK_PATHS.slowAnthropic)],
    },
    {
      name: BENCH_ROUTE_NAMES.claudeBurst,
      models: [BENCH_ROUTE_NAMES.claudeBurst],
      instances: [anthropicInstance('mock-anthropic-burst', MOCK_PATHS.burstAnthropic)],
    },
    {
      name: BENCH_ROUTE_NAMES.gptBurst,
      models: [BENCH_ROUTE_NAMES.gptBurst],
      instances: [openaiInstance('mock-openai-burst', MOCK_PATHS.burstOpenai, 0)],
    },
    {
      name: BENCH_ROUTE_NAMES.claudeTick,
      models: [BENCH_ROUTE_NAMES.claudeTick],
      instances: [anthropicInstance('mock-anthropic-tick', MOCK_PATHS.tickAnthropic)],
    },
    {
      name: BENCH_ROUTE_NAMES.slowStream,
      models: [BENCH_ROUTE_NAMES.slowStream],
      instances: [anthropicInstance('mock-anthropic-100ms', MOCK_PATHS.slowStreamAnthropic)],
    },
  ];
}
