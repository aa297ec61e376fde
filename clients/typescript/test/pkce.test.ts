import assert from "node:assert/strict";
import { test } from "node:test";
import {
  buildAuthorizationUrl,
  codeChallengeS256,
  createCodeVerifier,
  createPkce,
  parseAuthorizationResponse,
} from "../dist/index.js";

test("S256 challenge of the RFC 7636 Appendix B verifier", async () => {
  // RFC 7636 Appendix B: code_verifier dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
  assert.equal(
    await codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  );
});

test("verifiers are 43 unreserved characters and unique", () => {
  const a = createCodeVerifier();
  const b = createCodeVerifier();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b);
});

test("invalid verifiers are refused", async () => {
  await assert.rejects(codeChallengeS256("short"), /invalid PKCE code verifier/);
  await assert.rejects(codeChallengeS256("a".repeat(42) + "!"), /invalid PKCE code verifier/);
});

test("createPkce pairs the verifier with its challenge and a state", async () => {
  const p = await createPkce();
  assert.equal(p.method, "S256");
  assert.equal(p.challenge, await codeChallengeS256(p.verifier));
  assert.match(p.state, /^[A-Za-z0-9_-]{22}$/);
});

test("authorization URL carries S256 and the state; the redirect is checked", async () => {
  const pkce = await createPkce();
  const url = buildAuthorizationUrl({
    authorizationEndpoint: "https://id.example/oauth2/authorize",
    clientId: "companyos-cli",
    redirectUri: "com.example.app:/cb",
    pkce,
    acrValues: "mfa",
    maxAge: 900,
  });
  const q = new URL(url).searchParams;
  assert.equal(q.get("code_challenge_method"), "S256");
  assert.equal(q.get("code_challenge"), pkce.challenge);
  assert.equal(q.get("state"), pkce.state);
  assert.equal(q.get("redirect_uri"), "com.example.app:/cb");
  assert.equal(q.get("acr_values"), "mfa");
  assert.equal(q.get("max_age"), "900");
  assert.equal(q.get("code_verifier"), null);
  assert.deepEqual(parseAuthorizationResponse(`com.example.app:/cb?code=abc&state=${pkce.state}`, pkce.state), { code: "abc" });
  assert.throws(() => parseAuthorizationResponse("com.example.app:/cb?code=abc&state=evil", pkce.state), /state mismatch/);
  assert.throws(
    () => parseAuthorizationResponse(`x:/cb?error=access_denied&state=${pkce.state}`, pkce.state),
    /access_denied/,
  );
});
