// The request pipeline, as a fetch function handed to openapi-fetch: correlation id, idempotency key, auth
// (refresh once on 401), step-up, retries with full jitter and Retry-After, timeouts, typed errors,
// PII-safe logging and the offline queue. Uses only fetch, Request/Headers, AbortController and setTimeout.

import type { FetchLike, TokenProvider } from "./auth.js";
import {
  CompanyOSError,
  CompanyOSConnectionError,
  CompanyOSTimeoutError,
  QueuedOfflineError,
  StepUpRequiredError,
  isStepUpChallenge,
  parseBearerChallenge,
  problemFromResponse,
} from "./errors.js";
import { DEFAULT_PII_FIELDS, Redactor, safeLogger, type Logger } from "./logging.js";
import type { OfflineQueue } from "./queue.js";
import { backoffDelay, parseRetryAfter, resolveRetry, type RetryOptions } from "./retry.js";
import { defaultSleep, hex, newRequestId, randomBytes, uuid4, type Sleep } from "./util.js";

export interface TransportOptions {
  /** Supplies bearer tokens; omit for public endpoints only. */
  auth?: TokenProvider;
  /** The underlying fetch (default `globalThis.fetch`). */
  fetch?: FetchLike;
  retry?: RetryOptions;
  /** Per-attempt timeout in ms (default 60000). */
  timeoutMs?: number;
  /** Throw `CompanyOSProblemError` / `StepUpRequiredError` on non-2xx (default true). */
  throwOnError?: boolean;
  /**
   * RFC 9470 step-up hook: called with the challenge; obtain a stronger token (e.g. a PKCE sign-in with
   * `acr_values` / `max_age`) into your provider and resolve `true` to retry once, `false` to throw.
   */
  onStepUp?: (challenge: StepUpRequiredError) => Promise<boolean>;
  /** Structured, PII-safe log events. */
  logger?: Logger;
  /** Extra field names classified PII (added to DEFAULT_PII_FIELDS) for redaction in log details. */
  piiFields?: readonly string[];
  /** Mutations that fail because the API is unreachable are queued here (and `QueuedOfflineError` thrown). */
  offlineQueue?: OfflineQueue;
  /** Extra headers on every request (e.g. a client name). */
  headers?: Record<string, string>;
  /** Default tenant for `{tenant_id}` path parameters a call leaves unset (the Python SDK's `tenant=`). */
  tenant?: string;
  /** Default environment for `{environment}` path parameters a call leaves unset. */
  environment?: string;
  /**
   * W3C trace context (`traceparent`): `true` (default) starts a trace per call, with a new parent id per
   * attempt; a function returns the caller's current `traceparent` (e.g. from OpenTelemetry's propagator);
   * `false` sends none. A `traceparent` header already on the request is always kept.
   */
  tracing?: boolean | (() => string | undefined);
  // Injectable clock and randomness (tests).
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
}

export interface ExecuteOptions {
  /** Queue the mutation on connection failure (default: when an offlineQueue is configured). */
  enqueueOnFailure?: boolean;
  throwOnError?: boolean;
}

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Methods that get a generated Idempotency-Key (the spec declares it on POST and PATCH). */
const IDEMPOTENT_KEYED = new Set(["POST", "PATCH"]);

export interface Transport {
  /** The fetch function for openapi-fetch (`createClient({ fetch: transport.fetch })`). */
  fetch: (input: Request) => Promise<Response>;
  execute(input: Request, options?: ExecuteOptions): Promise<Response>;
}

class TimeoutMarker extends Error {}

export function createTransport(options: TransportOptions = {}): Transport {
  const policy = resolveRetry(options.retry);
  const fetchImpl: FetchLike = options.fetch ?? ((r) => globalThis.fetch(r));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log = safeLogger(options.logger);
  const redactor = new Redactor([...DEFAULT_PII_FIELDS, ...(options.piiFields ?? [])]);

  async function execute(input: Request, exec: ExecuteOptions = {}): Promise<Response> {
    const throwOnError = exec.throwOnError ?? options.throwOnError ?? true;
    const method = input.method.toUpperCase();
    const url = withContext(input.url, options);
    const safeUrl = redactor.safeUrl(url);
    const requestId = input.headers.get("x-request-id") ?? newRequestId();
    const idempotencyKey =
      input.headers.get("idempotency-key") ?? (IDEMPOTENT_KEYED.has(method) ? uuid4() : undefined);
    // Buffer the body once: every attempt re-sends the same bytes.
    const body = method === "GET" || method === "HEAD" ? undefined : await input.text();
    const userSignal = input.signal;
    const callerTrace = input.headers.get("traceparent") ?? traceparentOf(options.tracing);
    const traceId = hex(randomBytes(16));

    let retryIndex = 0;
    let forceRefresh = false;
    let refreshedOn401 = false;
    let steppedUp = false;
    let attempt = 0;

    for (;;) {
      attempt += 1;
      const headers = new Headers(input.headers);
      for (const [k, v] of Object.entries(options.headers ?? {})) if (!headers.has(k)) headers.set(k, v);
      headers.set("X-Request-Id", requestId);
      if (callerTrace) headers.set("traceparent", callerTrace);
      else if (options.tracing !== false) headers.set("traceparent", `00-${traceId}-${hex(randomBytes(8))}-01`);
      if (idempotencyKey) headers.set("Idempotency-Key", idempotencyKey);
      if (options.auth) {
        const tokenOpts = forceRefresh ? { forceRefresh: true, signal: userSignal } : { signal: userSignal };
        const token = await options.auth.getAccessToken(tokenOpts);
        headers.set("Authorization", `Bearer ${token}`);
        forceRefresh = false;
      }

      const controller = new AbortController();
      const onUserAbort = () => controller.abort(userSignal?.reason);
      if (userSignal?.aborted) throw userSignal.reason ?? new Error("aborted");
      userSignal?.addEventListener("abort", onUserAbort, { once: true });
      const timer = setTimeout(() => controller.abort(new TimeoutMarker("timeout")), timeoutMs);
      const init: RequestInit = { method, headers, signal: controller.signal };
      if (body !== undefined) init.body = body;
      const started = now();
      log({ level: "debug", event: "request", message: `${method} ${safeUrl}`, requestId, method, url: safeUrl, attempt });

      let response: Response;
      try {
        response = await fetchImpl(new Request(url, init));
      } catch (err) {
        if (userSignal?.aborted) throw err; // the caller cancelled: never retried
        const timedOut = controller.signal.aborted && controller.signal.reason instanceof TimeoutMarker;
        const failure = timedOut
          ? new CompanyOSTimeoutError(`${method} ${safeUrl} timed out after ${timeoutMs} ms`, requestId, { cause: err })
          : new CompanyOSConnectionError(`${method} ${safeUrl} failed: ${describe(err)}`, requestId, { cause: err });
        if (retryIndex < policy.maxRetries) {
          const delay = backoffDelay(retryIndex, policy, random);
          log({ level: "info", event: "retry", message: `retrying after ${failure.name}`, requestId, method, url: safeUrl, attempt, delayMs: delay });
          retryIndex += 1;
          await sleep(delay, userSignal);
          continue;
        }
        const queue = options.offlineQueue;
        if (queue && MUTATIONS.has(method) && (exec.enqueueOnFailure ?? true)) {
          const key = idempotencyKey ?? uuid4();
          const queued: Record<string, string> = {};
          headers.forEach((v, k) => {
            if (k !== "authorization") queued[k] = v;
          });
          queued["idempotency-key"] = key;
          const id = await queue.enqueue({ method, url, headers: queued, ...(body !== undefined ? { body } : {}) });
          log({ level: "warn", event: "queue", message: "API unreachable: mutation queued", requestId, method, url: safeUrl });
          throw new QueuedOfflineError(id, key, requestId, failure);
        }
        log({ level: "error", event: "error", message: failure.message, requestId, method, url: safeUrl, attempt });
        throw failure;
      } finally {
        clearTimeout(timer);
        userSignal?.removeEventListener("abort", onUserAbort);
      }

      const status = response.status;
      log({ level: "debug", event: "response", message: `${status} ${method} ${safeUrl}`, requestId, method, url: safeUrl, status, attempt, durationMs: now() - started });

      if (status === 401 && options.auth) {
        const challenge = parseBearerChallenge(response.headers.get("www-authenticate"));
        if (isStepUpChallenge(challenge)) {
          const err = (await problemFromResponse(response, requestId)) as StepUpRequiredError;
          if (options.onStepUp && !steppedUp && (await options.onStepUp(err))) {
            steppedUp = true;
            await discard(response);
            continue;
          }
          if (throwOnError) throw err;
          return response;
        }
        if (!refreshedOn401) {
          // The token may have been revoked or rotated: refresh once and repeat (not counted as a retry).
          refreshedOn401 = true;
          forceRefresh = true;
          await discard(response);
          log({ level: "info", event: "retry", message: "401: refreshing the token once", requestId, method, url: safeUrl, attempt });
          continue;
        }
      }

      if (policy.retryStatus(status) && retryIndex < policy.maxRetries) {
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now());
        if (retryAfter === undefined || retryAfter <= policy.maxRetryAfterMs) {
          const delay = retryAfter ?? backoffDelay(retryIndex, policy, random);
          log({ level: "info", event: "retry", message: `retrying after HTTP ${status}`, requestId, method, url: safeUrl, status, attempt, delayMs: delay });
          retryIndex += 1;
          await discard(response);
          await sleep(delay, userSignal);
          continue;
        }
      }

      if (!response.ok && throwOnError) {
        const err = await problemFromResponse(response, requestId);
        log({
          level: status >= 500 ? "error" : "warn",
          event: "error",
          message: `${status} ${err.title}`,
          requestId: err.requestId ?? requestId,
          method,
          url: safeUrl,
          status,
          attempt,
          details: redactor.redact({ type: err.type, detail: err.detail, errors: err.errors }) as Record<string, unknown>,
        });
        throw err;
      }
      return response;
    }
  }

  return { fetch: (input: Request) => execute(input), execute };
}

const CONTEXT: ReadonlyArray<readonly [string, "tenant" | "environment"]> = [
  ["tenant_id", "tenant"],
  ["environment", "environment"],
];
const PLACEHOLDER = /%7B([A-Za-z0-9_]+)%7D|\{([A-Za-z0-9_]+)\}/g;

/** Fill `{tenant_id}` / `{environment}` left unset with the client's context; refuse any other gap. */
function withContext(url: string, options: TransportOptions): string {
  const parsed = new URL(url);
  if (!PLACEHOLDER.test(parsed.pathname)) return url;
  PLACEHOLDER.lastIndex = 0;
  parsed.pathname = parsed.pathname.replace(PLACEHOLDER, (match, encoded?: string, plain?: string) => {
    const name = encoded ?? plain ?? match;
    const option = CONTEXT.find(([param]) => param === name)?.[1];
    const value = option ? options[option] : undefined;
    if (value === undefined) {
      const hint = option ? ` or set ${option} on the client` : "";
      throw new CompanyOSError(`path parameter ${name} is not set: pass params.path.${name}${hint}`);
    }
    return encodeURIComponent(value);
  });
  return parsed.toString();
}

function traceparentOf(tracing: TransportOptions["tracing"]): string | undefined {
  if (typeof tracing !== "function") return undefined;
  const value = tracing();
  return value && /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/.test(value) ? value : undefined;
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    /* already consumed */
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    const code = cause && typeof cause === "object" && "code" in cause ? ` (${String((cause as { code: unknown }).code)})` : "";
    return `${err.message}${code}`;
  }
  return String(err);
}
