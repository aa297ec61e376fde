// Parity with the Python SDK: device flow, W3C trace context, tenant/environment context, encrypted queue.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CompanyOSError,
  MemoryStorage,
  OAuthError,
  OfflineQueue,
  SealedBox,
  StaticTokenProvider,
  createCompanyOSClient,
  deviceFlow,
  pollDeviceToken,
  startDeviceAuthorization,
  type DeviceAuthorization,
} from "../dist/index.js";
import { fakeClock, json, scriptedFetch } from "./helpers.js";

const BASE = "https://api.example";
const META = {
  issuer: `${BASE}/oauth2`,
  token_endpoint: `${BASE}/oauth2/token`,
  device_authorization_endpoint: `${BASE}/oauth2/device_authorization`,
};
const oauthError = (error: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ error, ...extra }), { status: 400, headers: { "content-type": "application/json" } });

test("device flow: polls at the interval, slows down by the server's interval, returns the token set", async () => {
  const clock = fakeClock();
  const f = scriptedFetch([
    json(200, META),
    json(200, { device_code: "dc", user_code: "ABCD-EFGH", verification_uri: `${BASE}/device`, interval: 2, expires_in: 600 }),
    oauthError("authorization_pending"),
    oauthError("slow_down", { interval: 9 }),
    oauthError("slow_down"),
    json(200, { access_token: "at", token_type: "Bearer", expires_in: 300, refresh_token: "rt" }),
  ]);
  let shown: DeviceAuthorization | undefined;
  const set = await deviceFlow({
    baseUrl: BASE,
    clientId: "companyos-cli",
    fetch: f.fetch,
    sleep: clock.sleep,
    now: clock.now,
    prompt: (d) => {
      shown = d;
    },
  });
  assert.equal(shown?.userCode, "ABCD-EFGH");
  assert.equal(set.accessToken, "at");
  assert.equal(set.refreshToken, "rt");
  // 2 s, 2 s (pending), then the server's 9 s, then +5 s for a slow_down without an interval.
  assert.deepEqual(clock.sleeps, [2000, 2000, 9000, 14000]);
  const poll = f.seen[2]!;
  assert.match(poll.body, /grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code/);
  assert.match(poll.body, /device_code=dc/);
  assert.match(f.seen[1]!.body, /client_id=companyos-cli/);
});

test("device flow: denial and expiry end the polling with the OAuth error", async () => {
  const clock = fakeClock();
  const device: DeviceAuthorization = { deviceCode: "dc", userCode: "U", verificationUri: "v", interval: 5, expiresAt: clock.now() + 12_000 };
  const denied = scriptedFetch([oauthError("access_denied")]);
  await assert.rejects(
    pollDeviceToken(device, { metadata: META, clientId: "c", fetch: denied.fetch, sleep: clock.sleep, now: clock.now }),
    (e: unknown) => e instanceof OAuthError && e.error === "access_denied",
  );
  const pending = scriptedFetch([oauthError("authorization_pending"), oauthError("authorization_pending")]);
  await assert.rejects(
    pollDeviceToken(device, { metadata: META, clientId: "c", fetch: pending.fetch, sleep: clock.sleep, now: clock.now }),
    (e: unknown) => e instanceof OAuthError && e.error === "expired_token",
  );
  const noDevice = scriptedFetch([]);
  await assert.rejects(
    startDeviceAuthorization({ metadata: { issuer: "i", token_endpoint: "t" }, clientId: "c", fetch: noDevice.fetch }),
    (e: unknown) => e instanceof OAuthError && e.error === "unsupported",
  );
});

function client(steps: Parameters<typeof scriptedFetch>[0], extra: Partial<Parameters<typeof createCompanyOSClient>[0]> = {}) {
  const f = scriptedFetch(steps);
  const clock = fakeClock();
  const c = createCompanyOSClient({
    baseUrl: BASE,
    fetch: f.fetch,
    auth: new StaticTokenProvider("tok"),
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...extra,
  });
  return { c, f };
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

test("traceparent: one trace per call, a new parent id per attempt, the caller's context kept", async () => {
  const { c, f } = client([json(503, { type: "about:blank", title: "Down", status: 503 }), json(200, {}), json(200, {})]);
  await c.GET("/v1/me");
  const [first, retry] = f.seen.map((s) => TRACEPARENT.exec(s.headers["traceparent"] ?? ""));
  assert.ok(first && retry, "a W3C traceparent on every attempt");
  assert.equal(first[1], retry[1], "the retry continues the call's trace");
  assert.notEqual(first[2], retry[2], "each attempt is its own span");
  await c.GET("/v1/me");
  assert.notEqual(TRACEPARENT.exec(f.seen[2]!.headers["traceparent"]!)![1], first[1], "a new call, a new trace");

  const caller = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  const withOtel = client([json(200, {})], { tracing: () => caller });
  await withOtel.c.GET("/v1/me");
  assert.equal(withOtel.f.seen[0]!.headers["traceparent"], caller);
  const off = client([json(200, {})], { tracing: false });
  await off.c.GET("/v1/me");
  assert.equal(off.f.seen[0]!.headers["traceparent"], undefined);
});

test("tenant and environment context fill the path; a missing one is named before any request", async () => {
  const { c, f } = client([json(200, { items: [] }), json(200, { items: [] })], { tenant: "acme", environment: "prod" });
  assert.equal(c.tenant, "acme");
  await c.GET("/v1/tenants/{tenant_id}/services", { params: { path: c.scope() } });
  assert.equal(new URL(f.seen[0]!.url).pathname, "/v1/tenants/acme/services");
  await c.GET("/v1/tenants/{tenant_id}/services", { params: { path: { tenant_id: "globex" } } });
  assert.equal(new URL(f.seen[1]!.url).pathname, "/v1/tenants/globex/services", "an explicit value wins");

  const bare = client([]);
  await assert.rejects(
    bare.c.GET("/v1/tenants/{tenant_id}/services", { params: { path: bare.c.scope() } }),
    (e: unknown) => e instanceof CompanyOSError && /tenant_id is not set.*set tenant on the client/.test(e.message),
  );
  assert.equal(bare.f.seen.length, 0);
});

test("the offline queue is encrypted at rest and refuses another key without touching the data", async () => {
  const storage = new MemoryStorage();
  const key = SealedBox.generateKey();
  const queue = new OfflineQueue({ storage, encryptionKey: key });
  await queue.enqueue({ method: "POST", url: `${BASE}/v1/x`, headers: {}, body: '{"email":"ada@example.com"}' });
  const stored = (await storage.getItem("companyos.offline-queue"))!;
  assert.ok(!stored.includes("ada@example.com") && !stored.includes("/v1/x"));
  assert.equal((await new OfflineQueue({ storage, encryptionKey: key }).list())[0]!.body, '{"email":"ada@example.com"}');

  const other = new OfflineQueue({ storage, encryptionKey: SealedBox.generateKey() });
  await assert.rejects(other.list(), /cannot be decrypted with the configured key/);
  assert.equal(await storage.getItem("companyos.offline-queue"), stored, "nothing was changed");

  assert.throws(() => new OfflineQueue({ storage: new MemoryStorage() }), /encryptionKey or keyStorage/);
});
