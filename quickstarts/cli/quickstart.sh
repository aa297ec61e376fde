#!/usr/bin/env bash
# CompanyOS CLI quickstart: the Python quickstart's steps through `companyos` (non-interactive, CI-style auth).
#
#   export COMPANYOS_BASE_URL=http://127.0.0.1:8080
#   export COMPANYOS_CLIENT_ID=acme-service COMPANYOS_CLIENT_SECRET=… COMPANYOS_TENANT=acme
#   quickstarts/cli/quickstart.sh
#
# COMPANYOS_CLI overrides the command (default: `companyos`, else `python -m companyos.cli`).
set -euo pipefail

: "${COMPANYOS_CLIENT_ID:?set COMPANYOS_CLIENT_ID (see README.md)}"
: "${COMPANYOS_CLIENT_SECRET:?set COMPANYOS_CLIENT_SECRET}"
: "${COMPANYOS_TENANT:?set COMPANYOS_TENANT}"

if [[ -n "${COMPANYOS_CLI:-}" ]]; then
  read -r -a cli <<<"$COMPANYOS_CLI"
elif command -v companyos >/dev/null 2>&1; then
  cli=(companyos)
else
  cli=("${PYTHON:-python3}" -m companyos.cli)
fi

echo "== who am I"
"${cli[@]}" whoami

echo "== my tenant"
"${cli[@]}" tenants get

echo "== the latest audit events (pages fetched as needed)"
"${cli[@]}" audit list --limit 20 --page-size 10

echo "== the same as JSON, counted"
count=$("${cli[@]}" --output json audit list --all | "${PYTHON:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "${count} audit events"

echo "== verify the audit chain (exit 1 when broken)"
"${cli[@]}" audit verify
