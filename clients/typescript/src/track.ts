// track(): product analytics events, batched in memory and sent through the batch ingest endpoint.
// Properties named like a secret or PII field (the Redactor's lists) are dropped before an event leaves
// the device; the server pseudonymises user ids with the tenant's key. With an OfflineQueue on the client,
// a batch that cannot reach the API is queued (QueuedOfflineError) and replayed later with its original
// Idempotency-Key: nothing is sent twice, nothing is lost while offline.

import type { CompanyOSClient, components } from "./client.js";
import { QueuedOfflineError } from "./errors.js";
import { DEFAULT_PII_FIELDS, SECRET_FIELDS } from "./logging.js";
import { uuid4 } from "./util.js";

export type AnalyticsEvent = components["schemas"]["AnalyticsEvent"];
export type AnalyticsIngestResult = components["schemas"]["AnalyticsIngestResult"];

export const MAX_BATCH = 1000;

export interface TrackFields {
  version?: string;
  userId?: string;
  feature?: string;
  properties?: Record<string, unknown>;
  ts?: Date | string;
  environment?: "production" | "staging" | "sandbox";
  clientType?: "web" | "console" | "cli" | "sdk" | "api" | "mobile" | "server";
  appVersion?: string;
  userRole?: string;
  consent?: "granted" | "denied";
}

export interface TrackerOptions {
  client: CompanyOSClient;
  tenantId: string;
  /** Send when this many events are waiting (default 100, at most 1000). */
  batchSize?: number;
  /** Also send every this many milliseconds while events wait (default: only on size and flush()). */
  flushIntervalMs?: number;
  /** Property names dropped before sending, beside the secret fields (default: DEFAULT_PII_FIELDS). */
  piiFields?: readonly string[];
  defaults?: Pick<TrackFields, "environment" | "clientType" | "appVersion">;
}

export interface TrackFlushResult {
  accepted: number;
  rejected: number;
  queued: number;
  errors: AnalyticsIngestResult["errors"];
}

/** One self-describing event (pure: no I/O). */
export function buildEvent(schema: string, fields: TrackFields = {}, drop: ReadonlySet<string> = defaultDrop()): AnalyticsEvent {
  const when = fields.ts ?? new Date();
  const event: AnalyticsEvent = {
    id: `evt_${uuid4().replace(/-/g, "").slice(0, 24)}`,
    schema,
    version: fields.version ?? "1-0-0",
    ts: typeof when === "string" ? when : when.toISOString(),
    client_type: fields.clientType ?? "web",
  };
  if (fields.userId !== undefined) event.user_id = fields.userId;
  if (fields.feature !== undefined) event.feature = fields.feature;
  if (fields.environment !== undefined) event.environment = fields.environment;
  if (fields.appVersion !== undefined) event.app_version = fields.appVersion;
  if (fields.userRole !== undefined) event.user_role = fields.userRole;
  if (fields.consent !== undefined) event.consent = fields.consent;
  if (fields.properties) {
    event.properties = Object.fromEntries(Object.entries(fields.properties).filter(([k]) => !drop.has(k.toLowerCase())));
  }
  return event;
}

function defaultDrop(pii: readonly string[] = DEFAULT_PII_FIELDS): ReadonlySet<string> {
  return new Set([...SECRET_FIELDS, ...pii].map((k) => k.toLowerCase()));
}

export class Tracker {
  private buffer: AnalyticsEvent[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly batchSize: number;
  private readonly drop: ReadonlySet<string>;

  constructor(private readonly options: TrackerOptions) {
    this.batchSize = Math.max(1, Math.min(options.batchSize ?? 100, MAX_BATCH));
    this.drop = defaultDrop(options.piiFields);
    if (options.flushIntervalMs) {
      this.timer = setInterval(() => void this.flush().catch(() => undefined), options.flushIntervalMs);
    }
  }

  /** Buffer one event; sends a batch when `batchSize` events wait (the returned promise settles then). */
  track(schema: string, fields: TrackFields = {}): Promise<TrackFlushResult | undefined> {
    const d = this.options.defaults ?? {};
    this.buffer.push(buildEvent(schema, { environment: d.environment, clientType: d.clientType, appVersion: d.appVersion, ...fields }, this.drop));
    return this.buffer.length >= this.batchSize ? this.flush() : Promise.resolve(undefined);
  }

  pending(): number {
    return this.buffer.length;
  }

  /** Send every buffered event; on a connection error without an offline queue the events stay buffered. */
  async flush(): Promise<TrackFlushResult> {
    const result: TrackFlushResult = { accepted: 0, rejected: 0, queued: 0, errors: [] };
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, MAX_BATCH);
      try {
        const { data } = await this.options.client.POST("/v1/tenants/{tenant_id}/analytics/events", {
          params: { path: { tenant_id: this.options.tenantId } },
          body: { events: batch },
        });
        if (data) {
          result.accepted += data.accepted;
          result.rejected += data.rejected;
          result.errors.push(...data.errors);
        }
      } catch (error) {
        if (error instanceof QueuedOfflineError) {
          result.queued += batch.length;
          continue;
        }
        this.buffer.unshift(...batch);
        throw error;
      }
    }
    return result;
  }

  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export function createTracker(options: TrackerOptions): Tracker {
  return new Tracker(options);
}
