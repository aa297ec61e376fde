#!/usr/bin/env bash
# TypeScript client check: strict type check of the core (no Node types), build, type-check the web
# quickstart, compile the tests and run them with node:test. Live tests run when COMPANYOS_TEST_API_URL and
# COMPANYOS_TEST_CREDENTIALS are set (e.g. `python tools/live_server.py -- tools/ts_check.sh`), and are
# skipped with a visible reason otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
TSC=node_modules/.bin/tsc
[ -x "$TSC" ] || { echo "ts_check: run 'npm ci' first (node_modules/.bin/tsc missing)" >&2; exit 2; }
PKG=clients/typescript
rm -rf "$PKG/dist" "$PKG/build-test"
node "$PKG/scripts/sync-schema.mjs"  # generated/typescript/schema.d.ts → src/schema.d.ts (self-contained types)
echo "==> tsc --strict --noEmit (core: lib ES2022+DOM, no @types/node)"
"$TSC" -p "$PKG/tsconfig.json" --noEmit
echo "==> build $PKG/dist (ESM) and $PKG/dist/cjs (CommonJS), with the schema types"
node "$PKG/scripts/build.mjs"
echo "==> type-check quickstarts/node"
"$TSC" -p quickstarts/node/tsconfig.json
echo "==> compile tests"
"$TSC" -p "$PKG/tsconfig.test.json"
echo "==> node --test"
if [ -z "${COMPANYOS_TEST_API_URL:-}" ] || [ -z "${COMPANYOS_TEST_CREDENTIALS:-}" ]; then
  echo "    (live tests will be SKIPPED: COMPANYOS_TEST_API_URL / COMPANYOS_TEST_CREDENTIALS unset)"
fi
node --test --test-reporter=spec "$PKG"/build-test/*.test.js
