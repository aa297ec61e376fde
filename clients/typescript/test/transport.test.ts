import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  ClientCredentialsProvider,
  CompanyOSConnectionError,
  CompanyOSProblemError,
  CompanyOSTimeoutError,
  KeychainTokenStorage,
  MemoryStorage,
  OfflineQueue,
  QueuedOfflineError,
  RefreshingTokenProvider,
  StaticTokenProvider,
  StepUpRequiredError,
  backoffDelay,
  createCompanyOSClient,
  paginate,
  parseRetryAfter,
  resolveRetry,
  SealedBox,
  type KeychainLike,
} from "../dist/index.js";
import { countingProvider, fakeClock, json, problem, recordingLogger, scriptedFetch } from "./helpers.js";

const BASE = "https://api.example";
const TENANT = { params: { path: { tenant_id: "acme" } } } as const;
const OK_TENANT = { id: "acme", display_name: "ACME", tier: "enterprise", residency: "eu", status: "active", labels: {} };

function client(steps: Parameters<typeof scriptedFetch>[0], extra: Partial<Parameters<typeof createCompanyOSClient>[0]> = {}) {
  const f = scriptedFetch(steps);
  const clock = fakeClock();
  const c = createCompanyOSClient({
    baseUrl: BASE,
    fetch: f.fetch,
    auth: new StaticTokenProvider("tok"),
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.999,
    ...extra,
  });
  return { c, f, clock };
}

test("full jitter stays within [0, min(cap, base·2^n))", () => {
  const policy = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000 });
  for (let n = 0; n < 8; n++) {
    const ceiling = Math.min(1000, 100 * 2 ** n);
    assert.equal(backoffDelay(n, policy, () => 0), 0);
    const hi = backoffDelay(n, policy, () => 0.999999);
    assert.ok(hi < ceiling && hi >= ceiling - 1, `n=${n} hi=${hi}`);
  }
});

test("Retry-After parses delta-seconds and HTTP-dates", () => {
  const now = Date.parse("2026-11-27T10:00:00Z");
  assert.equal(parseRetryAfter("7", now), 7000);
  assert.equal(parseRetryAfter("Fri, 27 Nov 2026 10:00:05 GMT", now), 5000);
  assert.equal(parseRetryAfter("Fri, 27 Nov 2026 09:00:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon", now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test("5xx is retried with backoff; X-Request-Id and Idempotency-Key are reused across retries", async () => {
  const { c, f, clock } = client([problem(503, "Unavailable"), problem(502, "Bad Gateway"), json(201, OK_TENANT)]);
  const { data } = await c.POST("/v1/tenants", { body: { id: "newco", display_name: "NewCo", tier: "standard", residency: "eu" } as never });
  assert.equal(data?.id, "acme");
  assert.equal(f.seen.length, 3);
  const rid = new Set(f.seen.map((s) => s.headers["x-request-id"]));
  const keys = new Set(f.seen.map((s) => s.headers["idempotency-key"]));
  assert.equal(rid.size, 1);
  assert.equal(keys.size, 1);
  assert.match([...rid][0]!, /^req_[0-9a-z]{26}$/);
  assert.match([...keys][0]!, /^[0-9a-f-]{36}$/);
  assert.equal(new Set(f.seen.map((s) => s.body)).size, 1, "the body is re-sent unchanged");
  assert.deepEqual(clock.sleeps, [499, 999]); // random 0.999 · 500·2^n
});

test("a second POST gets a fresh Idempotency-Key; GET gets none", async () => {
  const { c, f } = client([json(201, OK_TENANT), json(201, OK_TENANT), json(200, OK_TENANT)]);
  const body = { id: "x", display_name: "X", tier: "standard", residency: "eu" } as never;
  await c.POST("/v1/tenants", { body });
  await c.POST("/v1/tenants", { body });
  await c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.notEqual(f.seen[0]!.headers["idempotency-key"], f.seen[1]!.headers["idempotency-key"]);
  assert.equal(f.seen[2]!.headers["idempotency-key"], undefined);
  assert.notEqual(f.seen[0]!.headers["x-request-id"], f.seen[1]!.headers["x-request-id"]);
});

test("a caller-supplied Idempotency-Key is kept", async () => {
  const { c, f } = client([problem(500, "Oops"), json(201, OK_TENANT)]);
  await c.POST("/v1/tenants", {
    body: { id: "x", display_name: "X", tier: "standard", residency: "eu" } as never,
    params: { header: { "Idempotency-Key": "my-key-1" } },
  });
  assert.deepEqual(f.seen.map((s) => s.headers["idempotency-key"]), ["my-key-1", "my-key-1"]);
});

test("Retry-After is honoured (seconds and HTTP-date)", async () => {
  const { c, f, clock } = client([
    problem(429, "Too Many Requests", {}, { "retry-after": "3" }),
    json(200, OK_TENANT),
  ]);
  await c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.deepEqual(clock.sleeps, [3000]);
  assert.equal(f.seen.length, 2);

  const when = new Date(1_800_000_000_000 + 4000).toUTCString();
  const r2 = client([problem(503, "Unavailable", {}, { "retry-after": when }), json(200, OK_TENANT)]);
  await r2.c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.ok(r2.clock.sleeps[0]! >= 3000 && r2.clock.sleeps[0]! <= 4000, String(r2.clock.sleeps));
});

test("a Retry-After beyond the cap is not waited for", async () => {
  const { c, f, clock } = client([problem(429, "Too Many Requests", {}, { "retry-after": "3600" })]);
  const err = await c.GET("/v1/tenants/{tenant_id}", TENANT).catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSProblemError);
  assert.equal(err.status, 429);
  assert.equal(err.retryAfterSeconds, 3600);
  assert.equal(f.seen.length, 1);
  assert.deepEqual(clock.sleeps, []);
});

test("retries stop after maxRetries (default 2: three attempts)", async () => {
  const { c, f } = client([problem(500, "A"), problem(500, "B"), problem(500, "C")]);
  const err = await c.GET("/v1/tenants/{tenant_id}", TENANT).catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSProblemError && err.status === 500 && err.title === "C");
  assert.equal(f.seen.length, 3);
});

for (const status of [400, 403, 404, 409, 422]) {
  test(`no retry on ${status}`, async () => {
    const { c, f } = client([problem(status, "Nope")]);
    await assert.rejects(c.GET("/v1/tenants/{tenant_id}", TENANT), CompanyOSProblemError);
    assert.equal(f.seen.length, 1);
  });
}

test("408 is retried; retries: 0 disables", async () => {
  const r = client([problem(408, "Timeout"), json(200, OK_TENANT)]);
  await r.c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.equal(r.f.seen.length, 2);
  const r0 = client([problem(503, "Down")], { retry: { maxRetries: 0 } });
  await assert.rejects(r0.c.GET("/v1/tenants/{tenant_id}", TENANT), CompanyOSProblemError);
  assert.equal(r0.f.seen.length, 1);
});

test("connection errors are retried, then CompanyOSConnectionError carries the request id", async () => {
  const { c, f } = client([new TypeError("fetch failed"), new TypeError("fetch failed"), new TypeError("fetch failed")]);
  const err = await c.GET("/v1/tenants/{tenant_id}", TENANT).catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSConnectionError);
  assert.equal(err.requestId, f.seen[0]!.headers["x-request-id"]);
  assert.equal(f.seen.length, 3);
});

test("a connection error then success", async () => {
  const { c, f } = client([new TypeError("fetch failed"), json(200, OK_TENANT)]);
  const { data } = await c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.equal(data?.display_name, "ACME");
  assert.equal(f.seen.length, 2);
});

test("a per-attempt timeout raises CompanyOSTimeoutError", async () => {
  const hang = (req: Request) =>
    new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
  const { c } = client([hang, hang], { timeoutMs: 20, retry: { maxRetries: 1 } });
  await assert.rejects(c.GET("/v1/tenants/{tenant_id}", TENANT), CompanyOSTimeoutError);
});

test("the caller's abort is not retried", async () => {
  const ac = new AbortController();
  const hang = (req: Request) =>
    new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
  const { c, f } = client([hang, hang]);
  const p = c.GET("/v1/tenants/{tenant_id}", { ...TENANT, signal: ac.signal });
  setTimeout(() => ac.abort(), 10);
  await assert.rejects(p);
  assert.equal(f.seen.length, 1);
});

test("401 refreshes the token once and repeats", async () => {
  const { provider, state } = countingProvider();
  const { c, f } = client([problem(401, "Unauthorized", {}, { "www-authenticate": 'Bearer error="invalid_token"' }), json(200, OK_TENANT)], { auth: provider });
  const { data } = await c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.equal(data?.id, "acme");
  assert.deepEqual(f.seen.map((s) => s.headers["authorization"]), ["Bearer tok-1", "Bearer tok-2"]);
  assert.equal(state.forced, 1);
  assert.equal(f.seen[0]!.headers["x-request-id"], f.seen[1]!.headers["x-request-id"]);
});

test("a second 401 is not refreshed again: it throws", async () => {
  const { provider, state } = countingProvider();
  const { c, f } = client([problem(401, "Unauthorized"), problem(401, "Unauthorized")], { auth: provider });
  const err = await c.GET("/v1/tenants/{tenant_id}", TENANT).catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSProblemError && err.status === 401);
  assert.equal(f.seen.length, 2);
  assert.equal(state.forced, 1);
});

const STEP_UP = {
  "www-authenticate":
    'Bearer error="insufficient_user_authentication", error_description="A multi-factor authentication within the last 15 minutes is required", acr_values="mfa", max_age=900',
  "x-request-id": "req_fromserver",
};

test("a step-up challenge raises StepUpRequiredError without refreshing", async () => {
  const { provider, state } = countingProvider();
  const { c, f } = client([problem(401, "Unauthorized", { detail: "needs mfa" }, STEP_UP)], { auth: provider });
  const err = await c.POST("/v1/tenants", { body: { id: "x" } as never }).catch((e: unknown) => e);
  assert.ok(err instanceof StepUpRequiredError);
  assert.deepEqual(err.acrValues, ["mfa"]);
  assert.equal(err.maxAge, 900);
  assert.equal(err.status, 401);
  assert.equal(err.requestId, "req_fromserver");
  assert.equal(err.challenge.params["error"], "insufficient_user_authentication");
  assert.equal(f.seen.length, 1);
  assert.equal(state.forced, 0);
});

test("the onStepUp hook gets the challenge and the call is retried once", async () => {
  const seenChallenges: StepUpRequiredError[] = [];
  const { c, f } = client([problem(401, "Unauthorized", {}, STEP_UP), json(201, OK_TENANT)], {
    onStepUp: async (e) => {
      seenChallenges.push(e);
      return true;
    },
  });
  const { data } = await c.POST("/v1/tenants", { body: { id: "x" } as never });
  assert.equal(data?.id, "acme");
  assert.equal(seenChallenges.length, 1);
  assert.equal(f.seen.length, 2);
  assert.equal(f.seen[0]!.headers["idempotency-key"], f.seen[1]!.headers["idempotency-key"]);
  // a second challenge after the hook is not looped on
  const r2 = client([problem(401, "U", {}, STEP_UP), problem(401, "U", {}, STEP_UP)], { onStepUp: async () => true });
  await assert.rejects(r2.c.POST("/v1/tenants", { body: { id: "x" } as never }), StepUpRequiredError);
  assert.equal(r2.f.seen.length, 2);
});

test("problem+json fields and the request id are on the error", async () => {
  const { c } = client([
    problem(
      422,
      "Unprocessable Content",
      { detail: "bad labels", instance: "/v1/tenants/acme", errors: [{ field: "labels", message: "too many" }], request_id: "req_body" },
      { "x-request-id": "req_header" },
    ),
  ]);
  const err = await c.GET("/v1/tenants/{tenant_id}", TENANT).catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSProblemError);
  assert.equal(err.type, "https://docs.companyos.dev/problems/unprocessable-content");
  assert.equal(err.detail, "bad labels");
  assert.equal(err.instance, "/v1/tenants/acme");
  assert.deepEqual(err.errors, [{ field: "labels", message: "too many" }]);
  assert.equal(err.requestId, "req_header");
  assert.match(err.message, /422 Unprocessable Content: bad labels \(request id req_header\)/);
});

test("throwOnError: false returns openapi-fetch's { error } instead", async () => {
  const { c } = client([problem(404, "Not Found")], { throwOnError: false });
  const { data, error, response } = await c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.equal(data, undefined);
  assert.equal(response.status, 404);
  assert.equal((error as { title?: string }).title, "Not Found");
});

test("client credentials: token cached, refreshed before expiry, single flight, Basic auth", async () => {
  const clock = fakeClock();
  let issued = 0;
  const tokenFetch = scriptedFetch([
    json(200, { access_token: "cc-1", token_type: "Bearer", expires_in: 60 }),
    json(200, { access_token: "cc-2", token_type: "Bearer", expires_in: 60 }),
  ]);
  const provider = new ClientCredentialsProvider({
    tokenUrl: `${BASE}/oauth2/token`,
    clientId: "acme-service",
    clientSecret: "s3cr3t:+",
    fetch: async (r) => {
      issued += 1;
      return tokenFetch.fetch(r);
    },
    now: clock.now,
    refreshSkewMs: 30_000,
  });
  const [a, b] = await Promise.all([provider.getAccessToken(), provider.getAccessToken()]);
  assert.equal(a, "cc-1");
  assert.equal(b, "cc-1");
  assert.equal(issued, 1);
  clock.advance(29_000);
  assert.equal(await provider.getAccessToken(), "cc-1");
  clock.advance(2_000); // 31 s: inside the 30 s skew of the 60 s lifetime
  assert.equal(await provider.getAccessToken(), "cc-2");
  const sent = tokenFetch.seen[0]!;
  assert.equal(sent.body, "grant_type=client_credentials");
  assert.equal(sent.headers["authorization"], `Basic ${btoa("acme-service:s3cr3t%3A%2B")}`);
  assert.equal(sent.headers["content-type"], "application/x-www-form-urlencoded");
});

test("refresh-token provider: rotation replaces the stored refresh token", async () => {
  const clock = fakeClock();
  const storage = new MemoryStorage();
  const f = scriptedFetch([
    json(200, { access_token: "at-2", token_type: "Bearer", expires_in: 300, refresh_token: "rt-2" }),
    json(200, { access_token: "at-3", token_type: "Bearer", expires_in: 300 }),
  ]);
  const p = new RefreshingTokenProvider({ clientId: "app", tokenUrl: `${BASE}/oauth2/token`, storage, fetch: f.fetch, now: clock.now });
  await p.setTokens({ accessToken: "at-1", tokenType: "Bearer", expiresAt: clock.now() + 10_000, refreshToken: "rt-1" });
  assert.equal(await p.getAccessToken(), "at-2"); // within the skew: refreshed
  assert.match(f.seen[0]!.body, /grant_type=refresh_token&refresh_token=rt-1&client_id=app/);
  assert.equal(JSON.parse((await storage.getItem("companyos.tokens"))!).refreshToken, "rt-2");
  assert.equal(await p.getAccessToken({ forceRefresh: true }), "at-3");
  assert.match(f.seen[1]!.body, /refresh_token=rt-2/);
  assert.equal(JSON.parse((await storage.getItem("companyos.tokens"))!).refreshToken, "rt-2", "no rotation: old kept");
});

test("KeychainTokenStorage uses an injected react-native-keychain-like module", async () => {
  const store = new Map<string, { username: string; password: string }>();
  const keychain: KeychainLike = {
    async setGenericPassword(username, password, o) {
      store.set(String(o?.["service"]), { username, password });
      return true;
    },
    async getGenericPassword(o) {
      return store.get(String(o?.["service"])) ?? false;
    },
    async resetGenericPassword(o) {
      return store.delete(String(o?.["service"]));
    },
  };
  const s = new KeychainTokenStorage(keychain, { accessible: "AccessibleWhenUnlockedThisDeviceOnly" });
  assert.equal(await s.getItem("companyos.tokens"), null);
  await s.setItem("companyos.tokens", "{}");
  assert.equal(await s.getItem("companyos.tokens"), "{}");
  assert.ok(store.has("dev.companyos.companyos.tokens"));
  await s.removeItem("companyos.tokens");
  assert.equal(await s.getItem("companyos.tokens"), null);
});

test("logging never sees tokens, Authorization or PII", async () => {
  const { logger, events } = recordingLogger();
  const secret = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlc2lnbmF0dXJl";
  const { c } = client(
    [
      problem(503, "Down"),
      problem(422, "Invalid", { errors: [{ field: "email", message: "bad", email: "alice@example.com" }], email: "alice@example.com" }),
    ],
    { auth: new StaticTokenProvider(secret), logger },
  );
  await assert.rejects(
    c.GET("/v1/tenants/{tenant_id}/audit/events", {
      params: { path: { tenant_id: "acme" }, query: { actor: "alice@example.com" } },
    }),
  );
  const dump = JSON.stringify(events);
  assert.ok(events.length >= 3);
  assert.ok(!dump.includes(secret), "token leaked");
  assert.ok(!/authorization/i.test(dump), "authorization header leaked");
  assert.ok(!dump.includes("alice@example.com"), "PII leaked");
  assert.ok(dump.includes("actor=[REDACTED]"));
  assert.ok(events.some((e) => e.event === "retry" && e.delayMs !== undefined));
  assert.ok(events.every((e) => typeof e.requestId === "string"));
});

test("a throwing logger does not break the call", async () => {
  const { c } = client([json(200, OK_TENANT)], {
    logger: () => {
      throw new Error("boom");
    },
  });
  const { data } = await c.GET("/v1/tenants/{tenant_id}", TENANT);
  assert.equal(data?.id, "acme");
});

test("offline mutations are queued, persisted and replayed in order with their idempotency keys", async () => {
  const storage = new MemoryStorage();
  const keyStorage = new MemoryStorage();
  const queue = new OfflineQueue({ storage, keyStorage });
  let online = false;
  const delivered: Array<{ key: string; body: string; auth: string | null; url: string }> = [];
  const fetch = async (req: Request) => {
    if (!online) throw new TypeError("fetch failed");
    delivered.push({ key: req.headers.get("idempotency-key")!, body: await req.text(), auth: req.headers.get("authorization"), url: req.url });
    return json(200, OK_TENANT);
  };
  const clock = fakeClock();
  const c = createCompanyOSClient({ baseUrl: BASE, fetch, auth: new StaticTokenProvider("tok"), offlineQueue: queue, sleep: clock.sleep, now: clock.now });
  const e1 = await c.PATCH("/v1/tenants/{tenant_id}", { ...TENANT, body: { display_name: "First" } }).catch((e: unknown) => e);
  const e2 = await c.PATCH("/v1/tenants/{tenant_id}", { ...TENANT, body: { display_name: "Second" } }).catch((e: unknown) => e);
  assert.ok(e1 instanceof QueuedOfflineError && e2 instanceof QueuedOfflineError);
  await assert.rejects(c.GET("/v1/tenants/{tenant_id}", TENANT), CompanyOSConnectionError, "reads are not queued");
  assert.equal(await queue.size(), 2);
  const persisted = (await storage.getItem("companyos.offline-queue"))!;
  assert.ok(!persisted.includes("tok") || !/authorization/i.test(persisted), "no Authorization persisted");
  assert.ok(!/authorization/i.test(persisted));
  assert.ok(persisted.startsWith("v1.") && !persisted.includes("First"), "bodies are stored encrypted");

  // Still offline: flush keeps everything, in order.
  assert.deepEqual(await queue.flush(), { sent: 0, rejected: 0, remaining: 2 });

  // A new queue over the same storage (an app restart) replays them.
  const queue2 = new OfflineQueue({ storage, keyStorage });
  const c2 = createCompanyOSClient({ baseUrl: BASE, fetch, auth: new StaticTokenProvider("tok-new"), offlineQueue: queue2, sleep: clock.sleep, now: clock.now });
  void c2;
  online = true;
  assert.deepEqual(await queue2.flush(), { sent: 2, rejected: 0, remaining: 0 });
  assert.deepEqual(delivered.map((d) => JSON.parse(d.body).display_name), ["First", "Second"]);
  assert.deepEqual(delivered.map((d) => d.key), [e1.idempotencyKey, e2.idempotencyKey]);
  assert.ok(delivered.every((d) => d.auth === "Bearer tok-new"));
  assert.equal(await storage.getItem("companyos.offline-queue"), null);
});

test("the queue drops items the server refuses for good and stops on transient errors", async () => {
  const storage = new MemoryStorage();
  const rejected: string[] = [];
  const queue = new OfflineQueue({ storage, plaintext: true, onRejected: (item) => rejected.push(item.id) });
  const steps = scriptedFetch([problem(409, "Conflict"), problem(503, "Down"), problem(503, "Down"), problem(503, "Down"), json(200, {})]);
  const clock = fakeClock();
  createCompanyOSClient({ baseUrl: BASE, fetch: steps.fetch, offlineQueue: queue, sleep: clock.sleep, now: clock.now });
  const a = await queue.enqueue({ method: "POST", url: `${BASE}/v1/a`, headers: { "content-type": "application/json" }, body: "{}" });
  await queue.enqueue({ method: "POST", url: `${BASE}/v1/b`, headers: {}, body: "{}" });
  assert.deepEqual(await queue.flush(), { sent: 0, rejected: 1, remaining: 1 });
  assert.deepEqual(rejected, [a]);
  assert.deepEqual(await queue.flush(), { sent: 1, rejected: 0, remaining: 0 });
});

test("the background queue retries with backoff until delivered", async () => {
  const storage = new MemoryStorage();
  let failures = 2;
  const fetch = async () => {
    if (failures-- > 0) throw new TypeError("fetch failed");
    return json(200, {});
  };
  const queue = new OfflineQueue({ storage, encryptionKey: SealedBox.generateKey(), baseDelayMs: 5, maxDelayMs: 20 });
  createCompanyOSClient({ baseUrl: BASE, fetch, offlineQueue: queue, retry: { maxRetries: 0 } });
  await queue.enqueue({ method: "POST", url: `${BASE}/v1/x`, headers: {}, body: "{}" });
  queue.start();
  assert.equal(await queue.drain(2000), true);
  queue.stop();
});

test("paginate follows next_page_token lazily", async () => {
  const { c, f } = client([
    json(200, { items: [OK_TENANT, { ...OK_TENANT, id: "b" }], next_page_token: "p2" }),
    json(200, { items: [{ ...OK_TENANT, id: "c" }], next_page_token: null }),
  ]);
  const ids: string[] = [];
  for await (const t of paginate((page_token) =>
    c.GET("/v1/tenants", { params: { query: { page_size: 2, page_token } } }).then((r) => r.data),
  )) {
    ids.push(t.id);
  }
  assert.deepEqual(ids, ["acme", "b", "c"]);
  assert.ok(f.seen[1]!.url.includes("page_token=p2"));
  assert.ok(!f.seen[0]!.url.includes("page_token"));
});

test("the core imports no Node built-ins (React Native safe)", () => {
  const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    const src = readFileSync(join(dist, file), "utf8");
    const imports = [...src.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
    for (const spec of imports) {
      assert.ok(spec.startsWith("./") || spec === "openapi-fetch", `${file} imports ${spec}`);
    }
    const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    assert.ok(!/\b(?:Buffer|process)\.|\brequire\(|__dirname|__filename/.test(code), `${file} uses a Node global`);
  }
});
