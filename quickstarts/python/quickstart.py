"""CompanyOS Python quickstart: sign in as a service, read your tenant, page through the audit trail, verify it.

    export COMPANYOS_BASE_URL=http://127.0.0.1:8080
    export COMPANYOS_CLIENT_ID=acme-service COMPANYOS_CLIENT_SECRET=… COMPANYOS_TENANT=acme
    python quickstarts/python/quickstart.py

The same variables configure the SDK, the `companyos` CLI and every quickstart: `companyos.Client()` reads
them (and refuses to start without credentials).

Exit status: 0 when everything worked and the audit chain is intact, 1 otherwise.
"""

from __future__ import annotations

import sys

import companyos


def main() -> int:
    try:
        # Base URL, credentials (COMPANYOS_CLIENT_ID/COMPANYOS_CLIENT_SECRET, or COMPANYOS_TOKEN) and the
        # tenant all come from the environment.
        client = companyos.Client()
    except companyos.MissingCredentialsError as exc:
        print(f"{exc} (see README.md)", file=sys.stderr)
        return 1
    if client.tenant is None:
        print("set COMPANYOS_TENANT (see README.md)", file=sys.stderr)
        return 1
    with client:
        try:
            me = client.identity.me()
            print(f"signed in as {me['subject']} ({me['kind']}); tenants: "
                  + ", ".join(f"{t['tenant_id']} {'/'.join(t['roles'])}" for t in me["tenants"]))  # fmt: skip

            tenant = client.tenants.retrieve()
            print(
                f"tenant {tenant['id']}: {tenant['display_name']} ({tenant['tier']}, {tenant['residency']})"
            )

            pages = 0
            events = 0
            for page in client.audit.list(page_size=20).pages():  # fetched lazily, one page at a time
                pages += 1
                for event in page:
                    events += 1
                    if events <= 5:
                        print(f"  #{event['position']} {event['occurred_at']} {event['actor']} {event['action']}"
                              f" -> {event['outcome']}")  # fmt: skip
            print(f"{events} audit events in {pages} page(s)")

            verification = client.audit.verify()
        except companyos.APIError as exc:  # every SDK error says what went wrong and the request id
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if not verification["ok"]:
        print(f"audit chain BROKEN at position {verification['first_broken_position']}: "
              f"{verification['reason']}", file=sys.stderr)  # fmt: skip
        return 1
    print(f"audit chain OK ({verification['checked']} events checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
