#!/usr/bin/env node
// Copy the generated OpenAPI types (generated/typescript/schema.d.ts, owned by `./dev codegen`) into
// src/schema.d.ts so that the package's declarations are self-contained: dist/client.d.ts imports
// "./schema.js", which ships inside the package. src/schema.d.ts is a build input (git-ignored), never
// edited by hand. In a packed tarball or a checkout without generated/ the existing copy is kept.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PKG = join(dirname(fileURLToPath(import.meta.url)), "..");
export const GENERATED = join(PKG, "..", "..", "generated", "typescript", "schema.d.ts");
export const SCHEMA = join(PKG, "src", "schema.d.ts");

export function syncSchema() {
  if (existsSync(GENERATED)) {
    mkdirSync(dirname(SCHEMA), { recursive: true });
    copyFileSync(GENERATED, SCHEMA);
  } else if (!existsSync(SCHEMA)) {
    throw new Error(`neither ${GENERATED} nor ${SCHEMA} exists: run ./dev codegen first`);
  }
  return SCHEMA;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) syncSchema();
