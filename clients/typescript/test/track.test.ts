import assert from "node:assert/strict";
import { test } from "node:test";
import { MemoryStorage, OfflineQueue, StaticTokenProvider, buildEvent, createCompanyOSClient, createTracker } from "../dist/index.js";
import { fakeClock, json } from "./helpers.js";

const BASE = "https://api.example";
const INGESTED = { accepted: 2, rejected: 0, dry_run: false, partition: "eu", errors: [] };

test("buildEvent is self-describing and drops PII-named properties", () => {
  const e = buildEvent("Feature Used", { userId: "u1", feature: "service-map", properties: { action: "open", email: "a@b.c", Token: "x" } });
  assert.equal(e.schema, "Feature Used");
  assert.equal(e.version, "1-0-0");
  assert.equal(e.user_id, "u1");
  assert.deepEqual(e.properties, { action: "open" });
  assert.match(String(e.ts), /^\d{4}-\d\d-\d\dT/);
});

test("track batches events and sends them in one ingest call", async () => {
  const bodies: Array<{ url: string; events: unknown[] }> = [];
  const fetch = async (req: Request) => {
    bodies.push({ url: req.url, events: JSON.parse(await req.text()).events });
    return json(200, INGESTED);
  };
  const clock = fakeClock();
  const client = createCompanyOSClient({ baseUrl: BASE, fetch, auth: new StaticTokenProvider("tok"), sleep: clock.sleep, now: clock.now });
  const tracker = createTracker({ client, tenantId: "acme", batchSize: 2, defaults: { clientType: "console" } });
  assert.equal(await tracker.track("Feature Used", { feature: "a" }), undefined);
  const sent = await tracker.track("Feature Used", { feature: "b" });
  assert.deepEqual(sent, { accepted: 2, rejected: 0, queued: 0, errors: [] });
  assert.equal(bodies.length, 1);
  assert.equal(bodies[0]!.url, `${BASE}/v1/tenants/acme/analytics/events`);
  assert.equal(bodies[0]!.events.length, 2);
  assert.equal((bodies[0]!.events[0] as { client_type: string }).client_type, "console");
  assert.equal(tracker.pending(), 0);
});

test("offline, a batch goes to the offline queue and replays later", async () => {
  let online = false;
  const delivered: string[] = [];
  const fetch = async (req: Request) => {
    if (!online) throw new TypeError("fetch failed");
    delivered.push(req.headers.get("idempotency-key") ?? "");
    return json(200, INGESTED);
  };
  const queue = new OfflineQueue({ storage: new MemoryStorage(), plaintext: true });
  const clock = fakeClock();
  const client = createCompanyOSClient({ baseUrl: BASE, fetch, auth: new StaticTokenProvider("tok"), offlineQueue: queue, sleep: clock.sleep, now: clock.now });
  const tracker = createTracker({ client, tenantId: "acme", batchSize: 10 });
  void tracker.track("Feature Used", { feature: "a" });
  void tracker.track("Page Viewed", { properties: { page: "home" } });
  assert.deepEqual(await tracker.flush(), { accepted: 0, rejected: 0, queued: 2, errors: [] });
  assert.equal(await queue.size(), 1);
  online = true;
  assert.deepEqual(await queue.flush(), { sent: 1, rejected: 0, remaining: 0 });
  assert.equal(delivered.length, 1);
  assert.ok(delivered[0]);
});
