// Token providers. The transport asks a provider for an access token before each attempt and forces one
// refresh when the API answers 401 (not for step-up challenges, which need the user).

import { OAuthError } from "./errors.js";
import type { Logger } from "./logging.js";
import type { TokenStorage } from "./storage.js";
import { base64, trimSlash, utf8 } from "./util.js";

export interface GetTokenOptions {
  /** Discard the cached token and obtain a new one (used once after a 401). */
  forceRefresh?: boolean;
  signal?: AbortSignal;
}

/** Anything that can hand out a bearer access token. */
export interface TokenProvider {
  getAccessToken(options?: GetTokenOptions): Promise<string>;
}

export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds; undefined when the server did not say. */
  expiresAt?: number;
  refreshToken?: string;
  idToken?: string;
  scope?: string;
}

export type FetchLike = (input: Request) => Promise<Response>;

function defaultFetch(): FetchLike {
  return (input: Request) => globalThis.fetch(input);
}

/** `application/x-www-form-urlencoded` without URLSearchParams (partial in some React Native versions). */
export function formEncode(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`.replace(/%20/g, "+"))
    .join("&");
}

export interface OidcMetadata {
  issuer: string;
  token_endpoint: string;
  authorization_endpoint?: string;
  device_authorization_endpoint?: string;
  revocation_endpoint?: string;
  userinfo_endpoint?: string;
  jwks_uri?: string;
  [key: string]: unknown;
}

/** OIDC discovery at `{baseUrl}/oauth2/.well-known/openid-configuration`. */
export async function discover(baseUrl: string, fetchImpl: FetchLike = defaultFetch()): Promise<OidcMetadata> {
  const res = await fetchImpl(
    new Request(`${trimSlash(baseUrl)}/oauth2/.well-known/openid-configuration`, {
      headers: { Accept: "application/json" },
    }),
  );
  if (!res.ok) throw new OAuthError(res.status, "discovery_failed", `HTTP ${res.status} from discovery`);
  return (await res.json()) as OidcMetadata;
}

/** POST a grant to a token endpoint; returns the TokenSet (`expiresAt` from `expires_in`). */
export async function requestToken(
  tokenUrl: string,
  fields: Record<string, string | undefined>,
  options: { fetch?: FetchLike; basicAuth?: { clientId: string; clientSecret: string }; now?: () => number; signal?: AbortSignal } = {},
): Promise<TokenSet> {
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
  };
  if (options.basicAuth) {
    // RFC 6749 §2.3.1: form-encode id and secret before Basic.
    const id = encodeURIComponent(options.basicAuth.clientId);
    const secret = encodeURIComponent(options.basicAuth.clientSecret);
    headers["Authorization"] = `Basic ${base64(utf8(`${id}:${secret}`))}`;
  }
  const fetchImpl = options.fetch ?? defaultFetch();
  const init: RequestInit = { method: "POST", headers, body: formEncode(fields) };
  if (options.signal) init.signal = options.signal;
  const res = await fetchImpl(new Request(tokenUrl, init));
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    body = {};
  }
  if (!res.ok || typeof body["access_token"] !== "string") {
    throw new OAuthError(
      res.status,
      typeof body["error"] === "string" ? (body["error"] as string) : "invalid_response",
      typeof body["error_description"] === "string" ? (body["error_description"] as string) : undefined,
      typeof body["interval"] === "number" ? (body["interval"] as number) : undefined,
    );
  }
  const now = (options.now ?? Date.now)();
  const set: TokenSet = {
    accessToken: body["access_token"] as string,
    tokenType: typeof body["token_type"] === "string" ? (body["token_type"] as string) : "Bearer",
  };
  if (typeof body["expires_in"] === "number") set.expiresAt = now + (body["expires_in"] as number) * 1000;
  if (typeof body["refresh_token"] === "string") set.refreshToken = body["refresh_token"] as string;
  if (typeof body["id_token"] === "string") set.idToken = body["id_token"] as string;
  if (typeof body["scope"] === "string") set.scope = body["scope"] as string;
  return set;
}

/** A fixed token (tests, short scripts). */
export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly token: string) {}
  async getAccessToken(): Promise<string> {
    return this.token;
  }
}

interface CachingOptions {
  /** Refresh this long before expiry (default 30 s). */
  refreshSkewMs?: number;
  now?: () => number;
  fetch?: FetchLike;
  logger?: Logger;
}

abstract class CachingProvider implements TokenProvider {
  protected current: TokenSet | undefined;
  private inflight: Promise<TokenSet> | undefined;
  protected readonly skew: number;
  protected readonly now: () => number;
  protected readonly fetchImpl: FetchLike;

  constructor(options: CachingOptions) {
    this.skew = options.refreshSkewMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? defaultFetch();
  }

  protected abstract obtain(signal?: AbortSignal): Promise<TokenSet>;
  protected async load(): Promise<TokenSet | undefined> {
    return this.current;
  }

  protected fresh(set: TokenSet | undefined): set is TokenSet {
    return !!set && (set.expiresAt === undefined || set.expiresAt - this.skew > this.now());
  }

  async getAccessToken(options: GetTokenOptions = {}): Promise<string> {
    if (!options.forceRefresh) {
      const cached = this.current ?? (await this.load());
      if (this.fresh(cached)) {
        this.current = cached;
        return cached.accessToken;
      }
    }
    // single flight: concurrent callers share one token request
    if (!this.inflight) {
      this.inflight = this.obtain(options.signal).finally(() => {
        this.inflight = undefined;
      });
    }
    const set = await this.inflight;
    this.current = set;
    return set.accessToken;
  }
}

export interface ClientCredentialsOptions extends CachingOptions {
  clientId: string;
  clientSecret: string;
  /** The token endpoint; when omitted it is discovered from `baseUrl`. */
  tokenUrl?: string;
  baseUrl?: string;
  scope?: string;
  /** `client_secret_basic` (default) or `client_secret_post`. */
  authMethod?: "client_secret_basic" | "client_secret_post";
}

/** OAuth 2.0 client credentials (server-side / Node use: never ship a client secret in an app). */
export class ClientCredentialsProvider extends CachingProvider {
  private tokenUrl: string | undefined;
  constructor(private readonly options: ClientCredentialsOptions) {
    super(options);
    this.tokenUrl = options.tokenUrl;
    if (!options.tokenUrl && !options.baseUrl) throw new Error("ClientCredentialsProvider needs tokenUrl or baseUrl");
  }

  protected async obtain(signal?: AbortSignal): Promise<TokenSet> {
    if (!this.tokenUrl) this.tokenUrl = (await discover(this.options.baseUrl as string, this.fetchImpl)).token_endpoint;
    const post = this.options.authMethod === "client_secret_post";
    const reqOpts: Parameters<typeof requestToken>[2] = { fetch: this.fetchImpl, now: this.now };
    if (signal) reqOpts.signal = signal;
    if (!post) reqOpts.basicAuth = { clientId: this.options.clientId, clientSecret: this.options.clientSecret };
    const set = await requestToken(
      this.tokenUrl,
      {
        grant_type: "client_credentials",
        scope: this.options.scope,
        client_id: post ? this.options.clientId : undefined,
        client_secret: post ? this.options.clientSecret : undefined,
      },
      reqOpts,
    );
    this.options.logger?.({ level: "debug", event: "token", message: "obtained a client-credentials token" });
    return set;
  }
}

export interface RefreshingProviderOptions extends CachingOptions {
  /** Public client id (e.g. `companyos-cli` or your app's client). */
  clientId: string;
  tokenUrl: string;
  /** Where the token set lives between runs (default: memory). Use KeychainTokenStorage on mobile. */
  storage?: TokenStorage;
  storageKey?: string;
}

/**
 * Holds a user's token set (from PKCE or the device flow) in a TokenStorage and refreshes it with the
 * refresh token before expiry. Refresh-token rotation is respected: a new refresh token replaces the old.
 */
export class RefreshingTokenProvider extends CachingProvider {
  private readonly storageKey: string;
  constructor(private readonly options: RefreshingProviderOptions) {
    super(options);
    this.storageKey = options.storageKey ?? "companyos.tokens";
  }

  /** Save a freshly obtained token set (after the authorization code exchange). */
  async setTokens(set: TokenSet): Promise<void> {
    this.current = set;
    await this.options.storage?.setItem(this.storageKey, JSON.stringify(set));
  }

  async clear(): Promise<void> {
    this.current = undefined;
    await this.options.storage?.removeItem(this.storageKey);
  }

  protected override async load(): Promise<TokenSet | undefined> {
    const raw = await this.options.storage?.getItem(this.storageKey);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as TokenSet;
    } catch {
      return undefined;
    }
  }

  protected async obtain(signal?: AbortSignal): Promise<TokenSet> {
    const stored = this.current ?? (await this.load());
    if (!stored?.refreshToken) throw new OAuthError(401, "login_required", "no refresh token: sign in again");
    const reqOpts: Parameters<typeof requestToken>[2] = { fetch: this.fetchImpl, now: this.now };
    if (signal) reqOpts.signal = signal;
    const next = await requestToken(
      this.options.tokenUrl,
      { grant_type: "refresh_token", refresh_token: stored.refreshToken, client_id: this.options.clientId },
      reqOpts,
    );
    if (!next.refreshToken) next.refreshToken = stored.refreshToken; // no rotation: keep the old one
    await this.setTokens(next);
    this.options.logger?.({ level: "debug", event: "token", message: "refreshed the access token" });
    return next;
  }
}
