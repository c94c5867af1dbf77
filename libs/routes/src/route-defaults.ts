/** Defaults a stored route gets for what its body leaves out. The one definition: the data plane imports these. */
export const DEFAULT_TIMEOUT_MS = 30000;
export const DEFAULT_CIRCUIT_BREAKER = { failure_threshold: 3, cooldown: 30000 } as const;
