// Live tests against a running reference server. Set COMPANYOS_TEST_API_URL and COMPANYOS_TEST_CREDENTIALS
// (the server's dev-credentials.json), e.g. via `python tools/live_server.py -- tools/ts_check.sh`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  ClientCredentialsProvider,
  CompanyOSConnectionError,
  CompanyOSProblemError,
  MemoryStorage,
  OfflineQueue,
  QueuedOfflineError,
  StaticTokenProvider,
  StepUpRequiredError,
  buildAuthorizationUrl,
  createCompanyOSClient,
  createPkce,
  discover,
  paginate,
  type LogEvent,
} from "../dist/index.js";

const API = process.env["COMPANYOS_TEST_API_URL"];
const CREDS = process.env["COMPANYOS_TEST_CREDENTIALS"];
const skip = !API || !CREDS ? "live server not configured: set COMPANYOS_TEST_API_URL and COMPANYOS_TEST_CREDENTIALS" : false;

interface Creds {
  issuer: string;
  clients: Array<{ client_id: string; client_secret: string; tenant_id: string }>;
  public_client_id: string;
}

function setup(extra: Partial<Parameters<typeof createCompanyOSClient>[0]> = {}) {
  const creds = JSON.parse(readFileSync(CREDS as string, "utf8")) as Creds;
  const svc = creds.clients.find((c) => c.client_id === "acme-service") ?? creds.clients[0]!;
  const auth = new ClientCredentialsProvider({ baseUrl: API as string, clientId: svc.client_id, clientSecret: svc.client_secret });
  const client = createCompanyOSClient({ baseUrl: API as string, auth, retry: { baseDelayMs: 50 }, ...extra });
  return { creds, svc, auth, client };
}

test("discovery: issuer matches and PKCE S256 is advertised", { skip }, async () => {
  const { creds } = setup();
  const meta = await discover(API as string);
  assert.equal(meta.issuer, creds.issuer);
  assert.ok((meta["code_challenge_methods_supported"] as string[] | undefined)?.includes("S256"));
  const pkce = await createPkce();
  const url = buildAuthorizationUrl({
    authorizationEndpoint: meta.authorization_endpoint!,
    clientId: creds.public_client_id,
    redirectUri: "http://127.0.0.1:53682/callback",
    pkce,
  });
  const res = await fetch(url, { redirect: "manual" });
  assert.ok(res.status < 500, `authorize answered ${res.status}`);
});

test("client credentials → /v1/me, the X-Request-Id is ours", { skip }, async () => {
  const { client, svc } = setup();
  const { data, response } = await client.GET("/v1/me");
  assert.equal(data?.subject, svc.client_id);
  assert.match(response.headers.get("x-request-id") ?? "", /^req_[0-9a-z]{26}$/);
});

test("tenants: paging with page_size 1", { skip }, async () => {
  const { client, svc } = setup();
  const ids: string[] = [];
  for await (const t of paginate((page_token) =>
    client.GET("/v1/tenants", { params: { query: { page_size: 1, page_token } } }).then((r) => r.data),
  )) {
    ids.push(t.id);
  }
  assert.ok(ids.includes(svc.tenant_id), JSON.stringify(ids));
});

test("a missing tenant is a CompanyOSProblemError with the problem fields", { skip }, async () => {
  const { client } = setup();
  const err = await client.GET("/v1/tenants/{tenant_id}", { params: { path: { tenant_id: "no-such-tenant" } } }).catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSProblemError, String(err));
  assert.equal(err.status, 404);
  assert.match(err.type, /not-found/);
  assert.match(err.requestId ?? "", /^req_/);
});

test("a high-risk call with a client token is a StepUpRequiredError", { skip }, async () => {
  const { client } = setup();
  const err = await client
    .POST("/v1/tenants", { body: { id: "ts-stepup", display_name: "Step up", tier: "standard", residency: "eu" } as never })
    .catch((e: unknown) => e);
  assert.ok(err instanceof StepUpRequiredError, String(err));
  assert.ok(err.acrValues.length > 0);
  assert.equal(typeof err.maxAge, "number");
});

test("a bad token: refreshed once, then a 401 problem", { skip }, async () => {
  const events: LogEvent[] = [];
  const client = createCompanyOSClient({ baseUrl: API as string, auth: new StaticTokenProvider("not-a-token"), logger: (e) => void events.push(e) });
  const err = await client.GET("/v1/me").catch((e: unknown) => e);
  assert.ok(err instanceof CompanyOSProblemError && err.status === 401, String(err));
  assert.equal(events.filter((e) => e.event === "request").length, 2);
  assert.ok(!JSON.stringify(events).includes("not-a-token"));
});

test("offline queue: a PATCH made offline replays once online", { skip }, async () => {
  let online = false;
  const flaky = (req: Request) => (online ? fetch(req) : Promise.reject(new TypeError("fetch failed")));
  const queue = new OfflineQueue({ storage: new MemoryStorage(), keyStorage: new MemoryStorage() });
  const { client, svc } = setup({ fetch: flaky, offlineQueue: queue, retry: { maxRetries: 0 } });
  const label = `v${Date.now()}`;
  const err = await client
    .PATCH("/v1/tenants/{tenant_id}", { params: { path: { tenant_id: svc.tenant_id } }, body: { labels: { "ts-live": label } } })
    .catch((e: unknown) => e);
  online = true; // connectivity is back (the token provider uses the global fetch)
  assert.ok(err instanceof QueuedOfflineError, String(err));
  assert.deepEqual(await queue.flush(), { sent: 1, rejected: 0, remaining: 0 });
  const { data } = await client.GET("/v1/tenants/{tenant_id}", { params: { path: { tenant_id: svc.tenant_id } } });
  assert.equal(data?.labels?.["ts-live"], label);
});

test("an unreachable API is a CompanyOSConnectionError", { skip }, async () => {
  const client = createCompanyOSClient({ baseUrl: "http://127.0.0.1:9", retry: { maxRetries: 1, baseDelayMs: 1 } });
  await assert.rejects(client.GET("/v1/health"), CompanyOSConnectionError);
});
