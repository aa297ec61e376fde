// @ts-check
// The browser quickstart: OIDC authorization code + PKCE with the built-in provider, then typed API calls.
// Tokens live in sessionStorage (gone when the tab closes); a real app keeps them in memory or, on mobile,
// in the Keychain / Keystore (KeychainTokenStorage).
import {
  RefreshingTokenProvider,
  buildAuthorizationUrl,
  createCompanyOSClient,
  createPkce,
  discover,
  exchangeAuthorizationCode,
  paginate,
  parseAuthorizationResponse,
} from "/client/index.js";

const origin = window.location.origin;
const clientId = new URLSearchParams(window.location.search).get("client_id") ?? "companyos-cli";
const redirectUri = `${origin}/callback`;
const tokenUrl = `${origin}/oauth2/token`; // same origin: forwarded to the API by serve.mjs

/** @type {import("/client/index.js").KeyValueStorage} */
const session = {
  async getItem(key) {
    return window.sessionStorage.getItem(key);
  },
  async setItem(key, value) {
    window.sessionStorage.setItem(key, value);
  },
  async removeItem(key) {
    window.sessionStorage.removeItem(key);
  },
};
const tokens = new RefreshingTokenProvider({ clientId, tokenUrl, storage: session });
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

function say(/** @type {string} */ text) {
  $("status").textContent = text;
}

async function signIn() {
  const meta = await discover(origin);
  const pkce = await createPkce();
  window.sessionStorage.setItem("quickstart.pkce", JSON.stringify(pkce));
  window.location.assign(
    buildAuthorizationUrl({ authorizationEndpoint: /** @type {string} */ (meta.authorization_endpoint), clientId, redirectUri, pkce }),
  );
}

async function finishSignIn() {
  const pkce = JSON.parse(window.sessionStorage.getItem("quickstart.pkce") ?? "null");
  window.sessionStorage.removeItem("quickstart.pkce");
  if (!pkce) throw new Error("no sign-in in progress in this tab: sign in again");
  const { code } = parseAuthorizationResponse(window.location.href, pkce.state);
  await tokens.setTokens(await exchangeAuthorizationCode({ tokenUrl, clientId, redirectUri, code, verifier: pkce.verifier }));
  window.history.replaceState(null, "", "/");
}

async function show() {
  const client = createCompanyOSClient({ baseUrl: origin, auth: tokens });
  const { data: me } = await client.GET("/v1/me");
  if (!me) throw new Error("no body from /v1/me");
  say(`Signed in as ${me.subject} (${me.kind}).`);
  const list = $("tenants");
  list.replaceChildren();
  for await (const tenant of paginate((page_token) =>
    client.GET("/v1/tenants", { params: { query: { page_size: 50, page_token } } }).then((r) => r.data),
  )) {
    const item = document.createElement("li");
    item.textContent = `${tenant.id}: ${tenant.display_name} [${tenant.tier}, ${tenant.status}]`;
    list.append(item);
  }
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
}

$("sign-in").addEventListener("click", () => void signIn().catch((e) => say(`Sign-in failed: ${e.message}`)));
$("sign-out").addEventListener("click", () => {
  void tokens.clear().then(() => window.location.assign("/"));
});

try {
  if (window.location.pathname === "/callback") await finishSignIn();
  if (await session.getItem("companyos.tokens")) await show();
} catch (e) {
  say(`Error: ${e instanceof Error ? e.message : String(e)}`);
}
