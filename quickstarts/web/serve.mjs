#!/usr/bin/env node
// @ts-check
// Serves the browser quickstart on http://127.0.0.1:5173 and forwards /v1 and /oauth2 to the API, so the
// page, the API and the token endpoint share one origin (what a production deployment's reverse proxy or a
// Vite dev server's `proxy` does; the API sends no CORS headers).
//
//   COMPANYOS_BASE_URL=http://127.0.0.1:8080 node quickstarts/web/serve.mjs   # then open the printed URL
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createServer, request as forward } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const api = new URL(process.env.COMPANYOS_BASE_URL ?? process.env.COMPANYOS_TEST_API_URL ?? "http://127.0.0.1:8080");
const port = Number(process.env.QUICKSTART_PORT ?? "5173");

/** URL prefix → folder served from it (the built client and its one dependency, as ES modules). */
const STATIC = {
  "/client/": join(root, "clients", "typescript", "dist"),
  "/vendor/openapi-fetch/": join(root, "node_modules", "openapi-fetch", "dist"),
  "/": join(here, "public"),
};
// The one inline script is the import map: allow exactly it by hash (CSP Level 2), nothing else inline.
const page = readFileSync(join(here, "public", "index.html"), "utf8");
const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? "";
const CSP = `default-src 'self'; script-src 'self' 'sha256-${createHash("sha256").update(importMap).digest("base64")}'; form-action 'self' ${api.origin}`;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json" };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname.startsWith("/v1/") || url.pathname.startsWith("/oauth2/")) {
    const upstream = forward(
      { host: api.hostname, port: api.port, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: api.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      res.writeHead(502, { "content-type": "text/plain" }).end(`the API at ${api.origin} is unreachable: ${err.message}`);
    });
    req.pipe(upstream);
    return;
  }
  const path = url.pathname === "/" || url.pathname === "/callback" ? "/index.html" : url.pathname;
  for (const [prefix, folder] of Object.entries(STATIC)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(folder, path.slice(prefix.length)));
    if (!file.startsWith(folder) || !existsSync(file)) break;
    res.writeHead(200, {
      "content-type": TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? "application/octet-stream",
      "content-security-policy": CSP,
    });
    createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" }).end("not found");
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  console.log(`CompanyOS web quickstart on http://127.0.0.1:${actual}/ (API ${api.origin})`);
});
