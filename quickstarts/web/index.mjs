#!/usr/bin/env node
// @ts-check
// CompanyOS TypeScript client quickstart (Node): client credentials → /v1/me → list tenants page by page.
//
//   COMPANYOS_API_URL=http://127.0.0.1:8080 COMPANYOS_CLIENT_ID=acme-service COMPANYOS_CLIENT_SECRET=… \
//     node quickstarts/web/index.mjs
// or, against the dev server's credentials file:
//   COMPANYOS_API_URL=… COMPANYOS_CREDENTIALS=var/dev-credentials.json node quickstarts/web/index.mjs
import { readFileSync } from "node:fs";
import {
  ClientCredentialsProvider,
  CompanyOSError,
  createCompanyOSClient,
  pages,
} from "../../clients/typescript/dist/index.js";

const baseUrl = process.env.COMPANYOS_API_URL ?? process.env.COMPANYOS_TEST_API_URL ?? "http://127.0.0.1:8080";
let clientId = process.env.COMPANYOS_CLIENT_ID;
let clientSecret = process.env.COMPANYOS_CLIENT_SECRET;
const credentialsFile = process.env.COMPANYOS_CREDENTIALS ?? process.env.COMPANYOS_TEST_CREDENTIALS;
if ((!clientId || !clientSecret) && credentialsFile) {
  /** @type {{ clients: Array<{ client_id: string, client_secret: string }> }} */
  const creds = JSON.parse(readFileSync(credentialsFile, "utf8"));
  const first = creds.clients[0];
  if (first) ({ client_id: clientId, client_secret: clientSecret } = first);
}
if (!clientId || !clientSecret) {
  console.error("Set COMPANYOS_CLIENT_ID and COMPANYOS_CLIENT_SECRET (or COMPANYOS_CREDENTIALS=path/to/dev-credentials.json)");
  process.exit(2);
}
const pageSize = Number(process.env.COMPANYOS_PAGE_SIZE ?? "1");

const client = createCompanyOSClient({
  baseUrl,
  // Server-side only: never ship a client secret in a browser or mobile app (use the PKCE helper there).
  auth: new ClientCredentialsProvider({ baseUrl, clientId, clientSecret }),
  logger: process.env.COMPANYOS_LOG === "debug" ? (e) => console.error(`[${e.level}] ${e.message} ${e.requestId ?? ""}`) : undefined,
});

try {
  const { data: me } = await client.GET("/v1/me");
  if (!me) throw new Error("no body from /v1/me");
  console.log(`Signed in as ${me.subject} (${me.kind}); tenants: ${me.tenants.map((t) => t.tenant_id).join(", ")}`);

  let n = 0;
  let pageNo = 0;
  for await (const page of pages((page_token) =>
    client.GET("/v1/tenants", { params: { query: { page_size: pageSize, page_token } } }).then((r) => r.data),
  )) {
    pageNo += 1;
    for (const t of page.items) {
      n += 1;
      console.log(`  page ${pageNo}: ${t.id.padEnd(16)} ${t.display_name} [${t.tier}, ${t.status}]`);
    }
  }
  console.log(`${n} tenant(s) in ${pageNo} page(s)`);
} catch (err) {
  if (err instanceof CompanyOSError) {
    console.error(`error: ${err.message}${err.requestId ? ` (request id ${err.requestId})` : ""}`);
    process.exit(1);
  }
  throw err;
}
