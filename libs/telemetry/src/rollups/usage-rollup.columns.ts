/** The `usage_rollups` columns that are whole counts: an upsert adds them, a query sums them. */
export const ROLLUP_COUNT_COLUMNS = [
  'requests',
  'errors_4xx',
  'errors_5xx',
  'errors_429',
  'fallbacks',
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_creation_tokens',
  'reasoning_tokens',
] as const;
