// Retry policy: full jitter exponential backoff (AWS architecture blog "Exponential Backoff And Jitter"),
// Retry-After honoured (delta-seconds and HTTP-date) up to a cap.

export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries?: number;
  /** Base of the exponential backoff in ms (default 500). */
  baseDelayMs?: number;
  /** Cap of one computed backoff in ms (default 8000). */
  maxDelayMs?: number;
  /** Longest Retry-After honoured in ms (default 60000); a longer one is not waited for (no retry). */
  maxRetryAfterMs?: number;
  /** HTTP statuses retried (default 408, 429, 500, 502, 503, 504 and every other 5xx). */
  retryStatus?: (status: number) => boolean;
}

export type ResolvedRetry = Required<RetryOptions>;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

export function resolveRetry(options: RetryOptions | undefined): ResolvedRetry {
  return {
    maxRetries: Math.max(0, options?.maxRetries ?? 2),
    baseDelayMs: options?.baseDelayMs ?? 500,
    maxDelayMs: options?.maxDelayMs ?? 8000,
    maxRetryAfterMs: options?.maxRetryAfterMs ?? 60_000,
    retryStatus: options?.retryStatus ?? isRetryableStatus,
  };
}

/** Full jitter: a uniformly random delay in [0, min(cap, base · 2^retryIndex)). `retryIndex` starts at 0. */
export function backoffDelay(retryIndex: number, policy: ResolvedRetry, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** Milliseconds to wait from a Retry-After value (delta-seconds or HTTP-date); undefined when absent/invalid. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const when = Date.parse(v);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - now);
}
