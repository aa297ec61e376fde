// A persistent retry queue for mutations made while offline. Items replay in order with their original
// Idempotency-Key (so a mutation that did reach the server is not applied twice), backing off between rounds.

import type { KeyValueStorage } from "./storage.js";
import { safeLogger, type Logger } from "./logging.js";
import { backoffDelay, resolveRetry } from "./retry.js";
import { defaultSleep, uuid4, type Sleep } from "./util.js";
import { CompanyOSConnectionError, CompanyOSProblemError } from "./errors.js";
import { SealedBox, SealedBoxError } from "./sealed.js";

export interface QueuedRequest {
  id: string;
  method: string;
  url: string;
  /** Headers to replay (never Authorization: a fresh token is used). Includes `idempotency-key`. */
  headers: Record<string, string>;
  body?: string;
  enqueuedAt: number;
  attempts: number;
}

export interface FlushResult {
  sent: number;
  /** Dropped because the server refused them for good (4xx other than 408/429). */
  rejected: number;
  remaining: number;
}

export interface OfflineQueueOptions {
  /** Where the queue persists (AsyncStorage, MMKV, a file, …). Stored encrypted (AES-256-GCM). */
  storage: KeyValueStorage;
  storageKey?: string;
  /**
   * The queue's AES-256-GCM key (32 bytes or a Web Crypto key). Give this, or `keyStorage`, or opt out
   * explicitly with `plaintext: true`: queued requests carry bodies that may hold personal data.
   */
  encryptionKey?: Uint8Array | CryptoKey;
  /** Secure storage (Keychain / Keystore / SecureStore) where a generated key is kept between runs. */
  keyStorage?: KeyValueStorage;
  /** Store the queue unencrypted (only where the storage itself is encrypted and private). */
  plaintext?: boolean;
  /** Backoff between background flush rounds. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called for an item the server refused for good (it is removed from the queue). */
  onRejected?: (item: QueuedRequest, error: unknown) => void;
  logger?: Logger;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
}

export type Sender = (request: Request) => Promise<Response>;

export class OfflineQueue {
  private readonly key: string;
  private lock: Promise<unknown> = Promise.resolve();
  private sender: Sender | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private round = 0;
  private running = false;
  private readonly log: Logger;

  private box: Promise<SealedBox | undefined> | undefined;

  constructor(private readonly options: OfflineQueueOptions) {
    this.key = options.storageKey ?? "companyos.offline-queue";
    this.log = safeLogger(options.logger);
    if (!options.encryptionKey && !options.keyStorage && !options.plaintext) {
      throw new Error(
        "OfflineQueue stores request bodies: pass encryptionKey or keyStorage (secure storage for a generated " +
          "key), or plaintext: true to store them unencrypted",
      );
    }
  }

  private sealer(): Promise<SealedBox | undefined> {
    this.box ??= this.resolveBox();
    return this.box;
  }

  private async resolveBox(): Promise<SealedBox | undefined> {
    const { encryptionKey, keyStorage } = this.options;
    if (encryptionKey) return SealedBox.fromKey(encryptionKey);
    if (!keyStorage) return undefined;
    const name = `${this.key}.key`;
    const stored = await keyStorage.getItem(name);
    if (stored) return SealedBox.fromKey(SealedBox.decodeKey(stored));
    const fresh = SealedBox.generateKey();
    await keyStorage.setItem(name, SealedBox.encodeKey(fresh));
    return SealedBox.fromKey(fresh);
  }

  /** The client wires its transport here (done by createCompanyOSClient). */
  attach(sender: Sender): void {
    this.sender = sender;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<QueuedRequest[]> {
    const stored = await this.options.storage.getItem(this.key);
    if (!stored) return [];
    const box = await this.sealer();
    let raw = stored;
    if (box) {
      try {
        raw = await box.open(stored, this.key);
      } catch (err) {
        if (!(err instanceof SealedBoxError)) throw err;
        throw new Error(
          `the offline queue "${this.key}" cannot be decrypted with the configured key (queued with another ` +
            "key, or altered); nothing was changed: restore the original key, or clear the queue's storage",
          { cause: err },
        );
      }
    }
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? (parsed as QueuedRequest[]) : [];
    } catch {
      return [];
    }
  }

  private async write(items: QueuedRequest[]): Promise<void> {
    if (items.length === 0) await this.options.storage.removeItem(this.key);
    else {
      const box = await this.sealer();
      const text = JSON.stringify(items);
      await this.options.storage.setItem(this.key, box ? await box.seal(text, this.key) : text);
    }
  }

  enqueue(item: { method: string; url: string; headers: Record<string, string>; body?: string }): Promise<string> {
    return this.serial(async () => {
      const items = await this.read();
      const id = uuid4();
      const entry: QueuedRequest = { id, ...item, enqueuedAt: (this.options.now ?? Date.now)(), attempts: 0 };
      if (!entry.headers["idempotency-key"]) entry.headers["idempotency-key"] = uuid4();
      items.push(entry);
      await this.write(items);
      return id;
    });
  }

  list(): Promise<QueuedRequest[]> {
    return this.serial(() => this.read());
  }

  async size(): Promise<number> {
    return (await this.list()).length;
  }

  /** Replay queued mutations in order; stops at the first one that still cannot be delivered. */
  flush(): Promise<FlushResult> {
    return this.serial(async () => {
      const sender = this.sender;
      if (!sender) throw new Error("OfflineQueue is not attached to a client");
      const items = await this.read();
      let sent = 0;
      let rejected = 0;
      while (items.length > 0) {
        const item = items[0]!;
        item.attempts += 1;
        const init: RequestInit = { method: item.method, headers: item.headers };
        if (item.body !== undefined) init.body = item.body;
        let response: Response;
        try {
          response = await sender(new Request(item.url, init));
        } catch (err) {
          if (err instanceof CompanyOSProblemError && !isTransient(err.status)) {
            items.shift();
            rejected += 1;
            this.options.onRejected?.(item, err);
            continue;
          }
          if (err instanceof CompanyOSConnectionError || err instanceof CompanyOSProblemError || err instanceof TypeError) {
            break; // still offline or the server is struggling: keep it (and its order) for the next round
          }
          await this.write(items);
          throw err;
        }
        if (response.ok) {
          items.shift();
          sent += 1;
        } else if (!isTransient(response.status)) {
          items.shift();
          rejected += 1;
          this.options.onRejected?.(item, new Error(`HTTP ${response.status}`));
        } else {
          break;
        }
      }
      await this.write(items);
      this.log({ level: "info", event: "queue", message: `flushed: ${sent} sent, ${rejected} rejected, ${items.length} left` });
      return { sent, rejected, remaining: items.length };
    });
  }

  /** Flush in the background until empty, backing off (full jitter) between unsuccessful rounds. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.round = 0;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Call when connectivity returns (NetInfo, `online` event): flushes now and resets the backoff. */
  wake(): void {
    if (!this.running) return;
    this.round = 0;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, delay);
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    let remaining = 0;
    try {
      remaining = (await this.flush()).remaining;
    } catch {
      remaining = 1;
    }
    if (!this.running) return;
    if (remaining === 0) {
      this.round = 0;
      this.running = false;
      return;
    }
    const policy = resolveRetry({ baseDelayMs: this.options.baseDelayMs ?? 1000, maxDelayMs: this.options.maxDelayMs ?? 60_000 });
    const delay = Math.max(policy.baseDelayMs / 2, backoffDelay(this.round, policy, this.options.random ?? Math.random));
    this.round += 1;
    this.schedule(delay);
  }

  /** Wait (for tests and shutdown): resolves once the queue drained or the timeout passed. */
  async drain(timeoutMs = 30_000): Promise<boolean> {
    const sleep = this.options.sleep ?? defaultSleep;
    const deadline = (this.options.now ?? Date.now)() + timeoutMs;
    while ((this.options.now ?? Date.now)() < deadline) {
      if ((await this.size()) === 0) return true;
      await sleep(50);
    }
    return (await this.size()) === 0;
  }
}

function isTransient(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
