// Typed errors. Problem details follow RFC 9457; step-up challenges follow RFC 9470.

/** Base class of every error the client throws. */
export class CompanyOSError extends Error {
  /** The `X-Request-Id` of the logical call (the same across its retries), when one was made. */
  readonly requestId: string | undefined;
  constructor(message: string, requestId?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.requestId = requestId;
  }
}

export interface FieldProblem {
  field?: string;
  message?: string;
  [key: string]: unknown;
}

/** The fields of an RFC 9457 problem details body (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  request_id?: string;
  errors?: FieldProblem[];
  reasons?: string[];
  [extension: string]: unknown;
}

/** A non-2xx answer from the API, carrying the problem+json fields and the request id. */
export class CompanyOSProblemError extends CompanyOSError {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly errors: FieldProblem[];
  readonly reasons: string[];
  readonly problem: ProblemDetails;
  /** Seconds from `Retry-After` on 429/503 answers, when present. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: ProblemDetails, requestId?: string, retryAfterSeconds?: number) {
    const rid = requestId ?? problem.request_id;
    super(
      `${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}${rid ? ` (request id ${rid})` : ""}`,
      rid,
    );
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.reasons = problem.reasons ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** RFC 9470: the operation needs a stronger or more recent authentication. */
export class StepUpRequiredError extends CompanyOSProblemError {
  /** Requested authentication context class(es), e.g. `["mfa"]`. */
  readonly acrValues: string[];
  /** Maximum age in seconds of the authentication, when the server asks for one. */
  readonly maxAge: number | undefined;
  readonly challenge: BearerChallenge;

  constructor(problem: ProblemDetails, challenge: BearerChallenge, requestId?: string) {
    super(problem, requestId);
    this.challenge = challenge;
    this.acrValues = (challenge.params["acr_values"] ?? "").split(/\s+/).filter(Boolean);
    const maxAge = challenge.params["max_age"];
    this.maxAge = maxAge !== undefined && /^\d+$/.test(maxAge) ? Number(maxAge) : undefined;
  }
}

/** The API could not be reached (DNS, refused connection, reset, timeout) after every retry. */
export class CompanyOSConnectionError extends CompanyOSError {}

/** The request timed out (a subclass of the connection error). */
export class CompanyOSTimeoutError extends CompanyOSConnectionError {}

/** Token endpoint failures (RFC 6749 §5.2 `error` / `error_description`). */
export class OAuthError extends CompanyOSError {
  readonly error: string;
  readonly errorDescription: string | undefined;
  readonly status: number;
  /** Seconds the server asks a device-flow client to wait between polls (`slow_down`), when it says. */
  readonly interval: number | undefined;
  constructor(status: number, error: string, errorDescription?: string, interval?: number) {
    super(`OAuth error ${error}${errorDescription ? `: ${errorDescription}` : ""} (HTTP ${status})`);
    this.status = status;
    this.error = error;
    this.errorDescription = errorDescription;
    this.interval = interval;
  }
}

/** A mutation could not be delivered while offline and was put in the offline queue. */
export class QueuedOfflineError extends CompanyOSError {
  readonly queueId: string;
  readonly idempotencyKey: string;
  constructor(queueId: string, idempotencyKey: string, requestId?: string, cause?: unknown) {
    super(`The API is unreachable: the request was queued (${queueId}) and will be replayed`, requestId, { cause });
    this.queueId = queueId;
    this.idempotencyKey = idempotencyKey;
  }
}

export interface BearerChallenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parse the first `Bearer` challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1 auth-params). */
export function parseBearerChallenge(header: string | null | undefined): BearerChallenge | undefined {
  if (!header) return undefined;
  const m = /(?:^|,\s*)Bearer\b\s*(.*)$/i.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /([A-Za-z0-9_!#$%&'*+.^`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))\s*,?\s*/g;
  const rest = m[1] ?? "";
  let p: RegExpExecArray | null;
  while ((p = re.exec(rest)) !== null) {
    const key = p[1]!.toLowerCase();
    if (!(key in params)) params[key] = p[2] !== undefined ? p[2].replace(/\\(.)/g, "$1") : (p[3] ?? "");
  }
  return { scheme: "Bearer", params };
}

export function isStepUpChallenge(challenge: BearerChallenge | undefined): challenge is BearerChallenge {
  return challenge?.params["error"] === "insufficient_user_authentication";
}

function asProblem(body: unknown, status: number, statusText: string): ProblemDetails {
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    return {
      ...b,
      type: typeof b["type"] === "string" ? (b["type"] as string) : "about:blank",
      title: typeof b["title"] === "string" ? (b["title"] as string) : statusText || `HTTP ${status}`,
      status: typeof b["status"] === "number" ? (b["status"] as number) : status,
    } as ProblemDetails;
  }
  return {
    type: "about:blank",
    title: statusText || `HTTP ${status}`,
    status,
    ...(typeof body === "string" && body ? { detail: body.slice(0, 500) } : {}),
  };
}

/** Build the typed error for a non-2xx response (reads a clone; the response stays readable). */
export async function problemFromResponse(
  response: Response,
  requestId?: string,
): Promise<CompanyOSProblemError> {
  let body: unknown = undefined;
  try {
    const text = await response.clone().text();
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
  } catch {
    body = undefined;
  }
  const problem = asProblem(body, response.status, response.statusText);
  const rid = response.headers.get("x-request-id") ?? requestId ?? problem.request_id;
  const challenge = parseBearerChallenge(response.headers.get("www-authenticate"));
  if (response.status === 401 && isStepUpChallenge(challenge)) {
    return new StepUpRequiredError(problem, challenge, rid);
  }
  const ra = response.headers.get("retry-after");
  const seconds = ra && /^\d+$/.test(ra.trim()) ? Number(ra.trim()) : undefined;
  return new CompanyOSProblemError(problem, rid, seconds);
}
