// The typed client: openapi-fetch over the generated `paths`, with the CompanyOS transport as its fetch.

import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./schema.js";
import type { TokenProvider } from "./auth.js";
import { createTransport, type Transport, type TransportOptions } from "./transport.js";
import { trimSlash } from "./util.js";

export type { paths, components, operations } from "./schema.js";

export interface CompanyOSClientOptions extends TransportOptions {
  /** API origin, e.g. `https://api.companyos.dev` (paths in the spec start with `/v1`). */
  baseUrl: string;
}

export type CompanyOSClient = Client<paths> & {
  readonly transport: Transport;
  readonly baseUrl: string;
  /** The default tenant / environment filled into `{tenant_id}` / `{environment}` a call leaves unset. */
  readonly tenant: string | undefined;
  readonly environment: string | undefined;
  /**
   * The context as path parameters, for tenant/environment-scoped calls:
   *   client.GET("/v1/tenants/{tenant_id}/services", { params: { path: client.scope() } })
   * A parameter the client has no value for is refused before sending, with its name.
   */
  scope(): { tenant_id: string; environment: string };
};

/**
 * Create a client. Calls are fully typed by the spec:
 *   const { data } = await client.GET("/v1/tenants/{tenant_id}", { params: { path: { tenant_id: "acme" } } });
 * Non-2xx answers throw `CompanyOSProblemError` (or `StepUpRequiredError`) unless `throwOnError: false`.
 */
export function createCompanyOSClient(options: CompanyOSClientOptions): CompanyOSClient {
  const baseUrl = trimSlash(options.baseUrl);
  const transport = createTransport(options);
  options.offlineQueue?.attach((request) => transport.execute(request, { enqueueOnFailure: false, throwOnError: true }));
  const client = createClient<paths>({ baseUrl, fetch: transport.fetch });
  const scope = () => {
    const path: Record<string, string> = {};
    if (options.tenant !== undefined) path["tenant_id"] = options.tenant;
    if (options.environment !== undefined) path["environment"] = options.environment;
    return path as { tenant_id: string; environment: string };
  };
  return Object.assign(client, { transport, baseUrl, tenant: options.tenant, environment: options.environment, scope });
}

/**
 * An openapi-fetch middleware that only adds the bearer token, for apps composing their own
 * `createClient<paths>()` (the full client does this inside its transport, with refresh-once-on-401).
 */
export function authMiddleware(provider: TokenProvider): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await provider.getAccessToken()}`);
      return request;
    },
  };
}

/** A page of a list operation (`items` + `next_page_token`). */
export interface Page<T> {
  items: T[];
  next_page_token?: string | null;
}

/**
 * Iterate every item of a list operation, fetching pages lazily:
 *   for await (const t of paginate((page_token) =>
 *     client.GET("/v1/tenants", { params: { query: { page_size: 50, page_token } } }).then((r) => r.data))) { … }
 */
export async function* paginate<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T> | undefined>,
): AsyncGenerator<T, void, undefined> {
  let token: string | undefined = undefined;
  const seen = new Set<string>();
  for (;;) {
    const page: Page<T> | undefined = await fetchPage(token);
    if (!page) return;
    yield* page.items;
    const next = page.next_page_token ?? undefined;
    if (!next || seen.has(next)) return;
    seen.add(next);
    token = next;
  }
}

/** Iterate pages rather than items. */
export async function* pages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T> | undefined>,
): AsyncGenerator<Page<T>, void, undefined> {
  let token: string | undefined = undefined;
  for (;;) {
    const page: Page<T> | undefined = await fetchPage(token);
    if (!page) return;
    yield page;
    const next = page.next_page_token ?? undefined;
    if (!next) return;
    token = next;
  }
}
