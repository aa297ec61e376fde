#!/usr/bin/env node
// Build @companyos/client into dist/ (ESM, `import`) and dist/cjs/ (CommonJS, `require`), each with its
// declarations and a copy of the generated schema types, so the published package needs nothing outside it.
//
//   node scripts/build.mjs        (= npm run build)
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PKG, SCHEMA, syncSchema } from "./sync-schema.mjs";

function tsc(...args) {
  // typescript from this package's node_modules (npm ci here) or from the repository root's.
  for (const dir of [join(PKG, "node_modules"), join(PKG, "..", "..", "node_modules")]) {
    const bin = join(dir, "typescript", "bin", "tsc");
    if (existsSync(bin)) {
      execFileSync(process.execPath, [bin, ...args], { cwd: PKG, stdio: "inherit" });
      return;
    }
  }
  throw new Error("typescript not found: run `npm ci` in clients/typescript (or at the repository root)");
}

syncSchema();
const dist = join(PKG, "dist");
rmSync(dist, { recursive: true, force: true });
tsc("-p", "tsconfig.json");
tsc("-p", "tsconfig.cjs.json");
copyFileSync(SCHEMA, join(dist, "schema.d.ts"));
mkdirSync(join(dist, "cjs"), { recursive: true });
copyFileSync(SCHEMA, join(dist, "cjs", "schema.d.ts"));
// dist/cjs/*.js and *.d.ts are CommonJS: the nearest package.json says so.
writeFileSync(join(dist, "cjs", "package.json"), JSON.stringify({ type: "commonjs" }, null, 2) + "\n");
console.log("built dist/ (ESM) and dist/cjs/ (CommonJS)");
