#!/usr/bin/env node
// @ts-check
// CompanyOS TypeScript client quickstart for Node command-line tools.
//
// A person signs in with the device flow (no browser on this machine needed: open the printed link anywhere):
//   COMPANYOS_BASE_URL=http://127.0.0.1:8080 node quickstarts/node/index.mjs --device
// A service signs in with client credentials:
//   COMPANYOS_BASE_URL=… COMPANYOS_CLIENT_ID=acme-service COMPANYOS_CLIENT_SECRET=… node quickstarts/node/index.mjs
// Then it calls /v1/me and lists the services of COMPANYOS_TENANT (default: the caller's first tenant).
import { readFileSync } from "node:fs";
import {
  ClientCredentialsProvider,
  CompanyOSError,
  OAuthError,
  RefreshingTokenProvider,
  createCompanyOSClient,
  deviceFlow,
  discover,
  paginate,
} from "../../clients/typescript/dist/index.js";

const baseUrl = process.env.COMPANYOS_BASE_URL ?? process.env.COMPANYOS_TEST_API_URL ?? "http://127.0.0.1:8080";
const useDevice = process.argv.includes("--device");

/** @returns {Promise<import("../../clients/typescript/dist/index.js").TokenProvider>} */
async function signIn() {
  if (useDevice) {
    const clientId = process.env.COMPANYOS_PUBLIC_CLIENT_ID ?? "companyos-cli";
    const meta = await discover(baseUrl);
    const tokens = await deviceFlow({
      metadata: meta,
      clientId,
      scope: "openid api offline_access",
      prompt: (device) => {
        console.log(`To sign in, open ${device.verificationUriComplete ?? device.verificationUri}`);
        console.log(`and check that it shows the code ${device.userCode}`);
      },
    });
    const provider = new RefreshingTokenProvider({ clientId, tokenUrl: meta.token_endpoint });
    await provider.setTokens(tokens);
    return provider;
  }
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
    console.error("error: set COMPANYOS_CLIENT_ID and COMPANYOS_CLIENT_SECRET, or pass --device to sign in as a person");
    process.exit(2);
  }
  return new ClientCredentialsProvider({ baseUrl, clientId, clientSecret });
}

try {
  const auth = await signIn();
  const probe = createCompanyOSClient({ baseUrl, auth });
  const { data: me } = await probe.GET("/v1/me");
  if (!me) throw new Error("no body from /v1/me");
  const tenant = process.env.COMPANYOS_TENANT ?? me.tenants[0]?.tenant_id;
  console.log(`Signed in as ${me.subject} (${me.kind}); tenants: ${me.tenants.map((t) => t.tenant_id).join(", ") || "none"}`);
  if (!tenant) {
    console.error("error: you are not a member of any tenant; set COMPANYOS_TENANT");
    process.exit(1);
  }
  const client = createCompanyOSClient({ baseUrl, auth, tenant });
  let n = 0;
  for await (const service of paginate((page_token) =>
    client
      .GET("/v1/tenants/{tenant_id}/services", { params: { path: client.scope(), query: { page_size: 50, page_token } } })
      .then((r) => r.data),
  )) {
    n += 1;
    console.log(`  ${service.id.padEnd(24)} ${service.name}`);
  }
  console.log(`${n} service(s) in tenant ${tenant}`);
} catch (err) {
  if (err instanceof OAuthError) {
    console.error(`error: sign-in failed: ${err.error}${err.errorDescription ? `: ${err.errorDescription}` : ""}`);
    process.exit(3);
  }
  if (err instanceof CompanyOSError) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
