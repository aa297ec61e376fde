// Test doubles: a scripted fetch, a fake clock and a recording logger.
import type { LogEvent } from "../dist/index.js";

export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Step = Response | Error | ((req: Request) => Response | Promise<Response>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": type, ...headers },
  });
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { type: `https://docs.companyos.dev/problems/${title.toLowerCase().replace(/\s+/g, "-")}`, title, status, ...extra }, headers);
}

/** A fetch that answers from a script, one step per call, and records each request. */
export function scriptedFetch(steps: Step[]) {
  const seen: Seen[] = [];
  const fetch = async (req: Request): Promise<Response> => {
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => (headers[k] = v));
    seen.push({ method: req.method, url: req.url, headers, body: req.method === "GET" ? "" : await req.text() });
    const step = steps.shift();
    if (step === undefined) throw new Error(`unexpected request ${req.method} ${req.url}`);
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(req);
    return step;
  };
  return { fetch, seen, remaining: () => steps.length };
}

/** A fake clock: sleep advances time instantly and records the delays. */
export function fakeClock(start = 1_800_000_000_000) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

export function recordingLogger() {
  const events: LogEvent[] = [];
  return { logger: (e: LogEvent) => void events.push(e), events };
}

/** A token provider that hands out tok-1, tok-2, … and counts forced refreshes. */
export function countingProvider() {
  let n = 1;
  const state = { forced: 0, calls: 0 };
  return {
    state,
    provider: {
      async getAccessToken(opts?: { forceRefresh?: boolean }) {
        state.calls += 1;
        if (opts?.forceRefresh) {
          state.forced += 1;
          n += 1;
        }
        return `tok-${n}`;
      },
    },
  };
}
