// OAuth 2.0 Device Authorization Grant (RFC 8628) for devices without a browser: TVs, CLIs, kiosks.
// Polling follows the server's `interval`; on `slow_down` it takes the interval the server sends, or adds
// 5 s (RFC 8628 §3.5), and it never polls past `expires_in`.

import { discover, formEncode, requestToken, type FetchLike, type OidcMetadata, type TokenSet } from "./auth.js";
import { OAuthError } from "./errors.js";
import { defaultSleep, type Sleep } from "./util.js";

export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** What the user needs to approve the device: open `verificationUri` and enter `userCode`. */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  /** Seconds between polls the server asked for. */
  interval: number;
  /** Epoch milliseconds after which the device code is no longer valid. */
  expiresAt: number;
}

export interface DeviceFlowOptions {
  /** API origin for discovery, or pass `metadata` directly. */
  baseUrl?: string;
  metadata?: OidcMetadata;
  /** A public client allowed the device grant (e.g. `companyos-cli`). */
  clientId: string;
  scope?: string;
  fetch?: FetchLike;
  sleep?: Sleep;
  now?: () => number;
  signal?: AbortSignal;
}

async function metadataOf(options: DeviceFlowOptions): Promise<OidcMetadata> {
  if (options.metadata) return options.metadata;
  if (!options.baseUrl) throw new Error("the device flow needs baseUrl or metadata");
  return discover(options.baseUrl, options.fetch);
}

/** Step 1: ask for a device code and a user code. */
export async function startDeviceAuthorization(options: DeviceFlowOptions): Promise<DeviceAuthorization> {
  const metadata = await metadataOf(options);
  const endpoint = metadata.device_authorization_endpoint;
  if (!endpoint) throw new OAuthError(400, "unsupported", "the provider has no device_authorization_endpoint");
  const fetchImpl = options.fetch ?? ((r: Request) => globalThis.fetch(r));
  const init: RequestInit = {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: formEncode({ client_id: options.clientId, scope: options.scope }),
  };
  if (options.signal) init.signal = options.signal;
  const res = await fetchImpl(new Request(endpoint, init));
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof body["device_code"] !== "string" || typeof body["user_code"] !== "string") {
    throw new OAuthError(
      res.status,
      typeof body["error"] === "string" ? body["error"] : "invalid_response",
      typeof body["error_description"] === "string" ? body["error_description"] : undefined,
    );
  }
  const now = (options.now ?? Date.now)();
  const auth: DeviceAuthorization = {
    deviceCode: body["device_code"],
    userCode: body["user_code"],
    verificationUri: String(body["verification_uri"] ?? ""),
    interval: typeof body["interval"] === "number" ? body["interval"] : 5,
    expiresAt: now + (typeof body["expires_in"] === "number" ? body["expires_in"] : 600) * 1000,
  };
  if (typeof body["verification_uri_complete"] === "string") auth.verificationUriComplete = body["verification_uri_complete"];
  return auth;
}

/**
 * Step 2: poll the token endpoint until the user approves (→ TokenSet), denies (`access_denied`) or the
 * code expires (`expired_token`). Hand the result to `RefreshingTokenProvider.setTokens`.
 */
export async function pollDeviceToken(device: DeviceAuthorization, options: DeviceFlowOptions): Promise<TokenSet> {
  const metadata = await metadataOf(options);
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  let intervalMs = Math.max(1, device.interval) * 1000;
  for (;;) {
    if (now() + intervalMs > device.expiresAt) {
      throw new OAuthError(400, "expired_token", "the device code expired before it was approved");
    }
    await sleep(intervalMs, options.signal);
    try {
      const reqOpts: Parameters<typeof requestToken>[2] = { now };
      if (options.fetch) reqOpts.fetch = options.fetch;
      if (options.signal) reqOpts.signal = options.signal;
      return await requestToken(
        metadata.token_endpoint,
        { grant_type: DEVICE_CODE_GRANT, device_code: device.deviceCode, client_id: options.clientId },
        reqOpts,
      );
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      if (err.error === "authorization_pending") continue;
      if (err.error === "slow_down") {
        const asked = err.interval;
        intervalMs = asked !== undefined && asked * 1000 > intervalMs ? asked * 1000 : intervalMs + 5000;
        continue;
      }
      throw err;
    }
  }
}

/** Both steps: `prompt` shows the user code (print it, render it, speak it), then the token set is returned. */
export async function deviceFlow(
  options: DeviceFlowOptions & { prompt: (device: DeviceAuthorization) => void | Promise<void> },
): Promise<TokenSet> {
  const resolved = { ...options, metadata: await metadataOf(options) }; // discover once for both steps
  const device = await startDeviceAuthorization(resolved);
  await options.prompt(device);
  return pollDeviceToken(device, resolved);
}
