// PII-safe logging: the hook receives structured events built from an allow-list. Tokens, Authorization
// headers, credentials and fields classified as PII are never passed to it.

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface LogEvent {
  level: LogLevel;
  /** A stable event name: request, response, retry, error, token, queue. */
  event: string;
  message: string;
  requestId?: string;
  method?: string;
  /** Path and query with sensitive query parameters replaced by "[REDACTED]"; never the origin's userinfo. */
  url?: string;
  status?: number;
  attempt?: number;
  delayMs?: number;
  durationMs?: number;
  /** Redacted details (PII and secret fields replaced). */
  details?: Record<string, unknown>;
}

export type Logger = (event: LogEvent) => void;

/** Keys that carry credentials: always redacted, whatever the PII classification says. */
export const SECRET_FIELDS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "access_token",
  "refresh_token",
  "id_token",
  "token",
  "client_secret",
  "password",
  "code",
  "code_verifier",
  "device_code",
  "assertion",
  "otp",
  "totp",
  "secret",
  "accessToken",
  "refreshToken",
  "idToken",
  "clientSecret",
];

/**
 * Fields classified PII by default (people's identities and contact data). The API spec carries no
 * per-field classification yet; pass `piiFields` to the client to extend this list.
 */
export const DEFAULT_PII_FIELDS: readonly string[] = [
  "email",
  "name",
  "given_name",
  "family_name",
  "username",
  "preferred_username",
  "phone",
  "phone_number",
  "address",
  "birthdate",
  "ip",
  "ip_address",
  "user_agent",
  "actor",
  "subject",
  "sub",
];

export const REDACTED = "[REDACTED]";

export class Redactor {
  private readonly keys: Set<string>;
  constructor(piiFields: readonly string[] = DEFAULT_PII_FIELDS) {
    this.keys = new Set([...SECRET_FIELDS, ...piiFields].map((k) => k.toLowerCase()));
  }

  isSensitive(key: string): boolean {
    return this.keys.has(key.toLowerCase());
  }

  /** A deep copy with every sensitive key's value replaced. Strings that look like JWTs are redacted too. */
  redact(value: unknown, depth = 0): unknown {
    if (depth > 8) return REDACTED;
    if (typeof value === "string") return looksLikeToken(value) ? REDACTED : value;
    if (Array.isArray(value)) return value.map((v) => this.redact(v, depth + 1));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out[k] = this.isSensitive(k) ? REDACTED : this.redact(v, depth + 1);
      }
      return out;
    }
    return value;
  }

  /** Path + query of a URL, sensitive query parameters redacted, no origin or credentials (no URL needed). */
  safeUrl(url: string): string {
    const noFragment = url.split("#", 1)[0] ?? "";
    const withoutOrigin = noFragment.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, "");
    const q = withoutOrigin.indexOf("?");
    const path = (q < 0 ? withoutOrigin : withoutOrigin.slice(0, q)) || "/";
    if (q < 0) return path;
    const parts = withoutOrigin
      .slice(q + 1)
      .split("&")
      .filter(Boolean)
      .map((pair) => {
        const eq = pair.indexOf("=");
        const rawKey = eq < 0 ? pair : pair.slice(0, eq);
        let key = rawKey;
        try {
          key = decodeURIComponent(rawKey.replace(/\+/g, " "));
        } catch {
          /* keep raw */
        }
        return this.isSensitive(key) ? `${rawKey}=${REDACTED}` : pair;
      });
    return parts.length ? `${path}?${parts.join("&")}` : path;
  }
}

const JWT_RE = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;

function looksLikeToken(s: string): boolean {
  return JWT_RE.test(s) || /^Bearer\s/i.test(s) || /^Basic\s/i.test(s);
}

/** Wrap a user logger so a throwing logger never breaks a request. */
export function safeLogger(logger: Logger | undefined): Logger {
  if (!logger) return () => {};
  return (event) => {
    try {
      logger(event);
    } catch {
      /* a logger must never break the call */
    }
  };
}
