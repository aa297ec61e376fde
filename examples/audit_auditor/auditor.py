"""Audit-chain auditor: verify the audit chain of every tenant a platform admin can see.

An internal tool built solely on the CompanyOS Python SDK. It lists the tenants visible to the caller
(every tenant with ``platform:admin``), verifies each tenant's hash-chained, signed audit trail — reading
other tenants cross-tenant, with an ``X-CompanyOS-Purpose`` the platform audits — and prints a report.

    python examples/audit_auditor/auditor.py [--purpose TEXT] [--json] [--tenant ID ...]

Credentials, first match wins: ``COMPANYOS_TOKEN`` (a platform admin's access token),
``COMPANYOS_CLIENT_ID``/``COMPANYOS_CLIENT_SECRET`` (a service client), else an interactive device-code
sign-in (tokens cached like the CLI's). ``COMPANYOS_BASE_URL`` names the API (default http://127.0.0.1:8080).

Exit status: 0 every chain intact · 1 at least one chain broken · 2 a tenant could not be checked
(denied, not found, …) · 3 authentication failed · 7 the API is unreachable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, dataclass

import companyos

DEFAULT_PURPOSE = "scheduled audit-chain integrity check (examples/audit_auditor)"


@dataclass
class Finding:
    tenant_id: str
    status: str  # "ok" | "broken" | "error"
    checked: int = 0
    first_broken_position: int | None = None
    reason: str | None = None
    detail: str | None = None


def credential() -> companyos.auth.Auth:
    if token := os.environ.get("COMPANYOS_TOKEN"):
        return companyos.StaticToken(token)
    client_id, secret = os.environ.get("COMPANYOS_CLIENT_ID"), os.environ.get("COMPANYOS_CLIENT_SECRET")
    if client_id and secret:
        return companyos.ClientCredentials(client_id, secret)
    # prints a URL and a code to approve in a browser; asks for the scopes cross-tenant auditing needs
    return companyos.DeviceCode(scope="openid offline_access api platform:admin tenants:cross")


def audit_tenant(client: companyos.Client, tenant_id: str, own: set[str], purpose: str) -> Finding:
    try:
        # A purpose is only needed (and only sent) for tenants the caller is not a member of.
        result = client.audit.verify(tenant=tenant_id, purpose=None if tenant_id in own else purpose)
    except companyos.APIStatusError as exc:
        return Finding(tenant_id, "error", reason=type(exc).__name__, detail=str(exc))
    if result["ok"]:
        return Finding(tenant_id, "ok", checked=result["checked"])
    return Finding(
        tenant_id,
        "broken",
        checked=result["checked"],
        first_broken_position=result["first_broken_position"],
        reason=result["reason"],
        detail=result["detail"],
    )


def run(client: companyos.Client, purpose: str, only: list[str]) -> list[Finding]:
    me = client.identity.me()
    own = {t["tenant_id"] for t in me["tenants"]}
    tenants = only or [t["id"] for t in client.tenants.list(page_size=100)]
    return [audit_tenant(client, tenant_id, own, purpose) for tenant_id in sorted(tenants)]


def print_report(findings: list[Finding]) -> None:
    width = max([len(f.tenant_id) for f in findings] + [6])
    print(f"{'TENANT':<{width}}  STATUS  EVENTS  DETAIL")
    for f in findings:
        if f.status == "broken":
            detail = f"broken at position {f.first_broken_position}: {f.reason}" + (
                f" ({f.detail})" if f.detail else ""
            )
        else:
            detail = f.detail or ""
        print(f"{f.tenant_id:<{width}}  {f.status.upper():<6}  {f.checked:>6}  {detail}")
    broken = sum(f.status == "broken" for f in findings)
    errors = sum(f.status == "error" for f in findings)
    print(
        f"\n{len(findings)} tenant(s): {len(findings) - broken - errors} intact, {broken} broken, {errors} not checked"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--purpose", default=DEFAULT_PURPOSE, help="why the tool reads other tenants (audited)"
    )
    parser.add_argument("--tenant", action="append", default=[], help="check only these tenants")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)

    client = companyos.Client(auth=credential())  # COMPANYOS_BASE_URL names the API
    base_url = client.base_url
    try:
        with client:
            findings = run(client, args.purpose, args.tenant)
    except (companyos.AuthenticationError, companyos.OAuthError) as exc:
        print(f"error: authentication failed: {exc}", file=sys.stderr)
        return 3
    except companyos.APIConnectionError as exc:
        print(f"error: {base_url} unreachable: {exc}", file=sys.stderr)
        return 7
    except companyos.APIError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        print_report(findings)
    if any(f.status == "broken" for f in findings):
        return 1
    return 2 if any(f.status == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
