// OAuth 2.0 authorization code + PKCE (RFC 7636, S256 only) on Web Crypto, for browsers and React Native.

import { requestToken, type FetchLike, type TokenSet } from "./auth.js";
import { base64url, randomBytes, utf8 } from "./util.js";

/** SHA-256 digest; defaults to `crypto.subtle.digest`. On React Native inject e.g. react-native-quick-crypto's. */
export type Sha256 = (data: Uint8Array) => Promise<ArrayBuffer | Uint8Array>;

const subtleSha256: Sha256 = async (data) => {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new Error("crypto.subtle is not available: pass a `sha256` implementation");
  return subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
};

/** A code verifier: 32 random bytes, base64url → 43 characters of the unreserved set (RFC 7636 §4.1). */
export function createCodeVerifier(): string {
  return base64url(randomBytes(32));
}

/** `BASE64URL(SHA256(ASCII(code_verifier)))` (RFC 7636 §4.2). */
export async function codeChallengeS256(verifier: string, sha256: Sha256 = subtleSha256): Promise<string> {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) throw new Error("invalid PKCE code verifier (RFC 7636 §4.1)");
  const digest = await sha256(utf8(verifier));
  return base64url(digest instanceof Uint8Array ? digest : new Uint8Array(digest));
}

/** An opaque anti-CSRF `state` (and usable as a `nonce`). */
export function createState(): string {
  return base64url(randomBytes(16));
}

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: "S256";
  state: string;
}

export async function createPkce(sha256?: Sha256): Promise<PkcePair> {
  const verifier = createCodeVerifier();
  return { verifier, challenge: await codeChallengeS256(verifier, sha256), method: "S256", state: createState() };
}

export interface AuthorizationUrlOptions {
  /** The authorization endpoint (discovery `authorization_endpoint`, `{base}/oauth2/authorize`). */
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  pkce: PkcePair;
  scope?: string;
  acrValues?: string;
  maxAge?: number;
  prompt?: string;
  nonce?: string;
}

/** The URL to open in the browser / in-app auth session. */
export function buildAuthorizationUrl(o: AuthorizationUrlOptions): string {
  const q: Array<[string, string | undefined]> = [
    ["response_type", "code"],
    ["client_id", o.clientId],
    ["redirect_uri", o.redirectUri],
    ["scope", o.scope ?? "openid api"],
    ["state", o.pkce.state],
    ["code_challenge", o.pkce.challenge],
    ["code_challenge_method", "S256"],
    ["acr_values", o.acrValues],
    ["max_age", o.maxAge === undefined ? undefined : String(o.maxAge)],
    ["prompt", o.prompt],
    ["nonce", o.nonce],
  ];
  const query = q
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  return `${o.authorizationEndpoint}${o.authorizationEndpoint.includes("?") ? "&" : "?"}${query}`;
}

/** Parse the redirect back (`?code=…&state=…` or `?error=…`), checking `state`. */
export function parseAuthorizationResponse(redirectUrl: string, expectedState: string): { code: string } {
  const query = (redirectUrl.split("?", 2)[1] ?? "").split("#", 1)[0] ?? "";
  const params: Record<string, string> = {};
  for (const pair of query.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const k = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, " "));
    params[k] = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "));
  }
  if (params["state"] !== expectedState) throw new Error("OAuth state mismatch: possible CSRF, start again");
  if (params["error"]) throw new Error(`authorization failed: ${params["error"]} ${params["error_description"] ?? ""}`.trim());
  if (!params["code"]) throw new Error("authorization response has no code");
  return { code: params["code"] };
}

/** Exchange the authorization code (with the verifier) at the token endpoint. */
export function exchangeAuthorizationCode(o: {
  tokenUrl: string;
  clientId: string;
  redirectUri: string;
  code: string;
  verifier: string;
  fetch?: FetchLike;
}): Promise<TokenSet> {
  const opts: Parameters<typeof requestToken>[2] = {};
  if (o.fetch) opts.fetch = o.fetch;
  return requestToken(
    o.tokenUrl,
    {
      grant_type: "authorization_code",
      code: o.code,
      redirect_uri: o.redirectUri,
      client_id: o.clientId,
      code_verifier: o.verifier,
    },
    opts,
  );
}
