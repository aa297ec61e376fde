"""What `./dev up` prints once: the URLs, the dev identities and a command that gets a token."""

from __future__ import annotations

import json
import shlex

from companyos_server.settings import get_settings


def render(creds: dict, base_url: str) -> str:
    lines = [
        "",
        "CompanyOS is starting (development mode)",
        f"  API        {base_url}/v1",
        f"  API docs   {base_url}/docs",
        f"  Spec       {base_url}/v1/openapi.json",
        f"  Issuer     {creds['issuer']}  (discovery: {creds['issuer']}/.well-known/openid-configuration)",
        f"  Metrics    {base_url}/metrics",
        "",
        "Dev users (password / TOTP secret; also in var/dev-credentials.json):",
    ]
    for user in creds["users"]:
        tenants = ", ".join(f"{t}: {'+'.join(r)}" for t, r in user["tenants"].items()) or "platform admin"
        lines.append(
            f"  {user['username']:<16} {user['password']:<26} totp {user['totp_secret']}  [{tenants}]"
        )
    lines.append("")
    lines.append("Confidential clients (client credentials):")
    for client in creds["clients"]:
        lines.append(
            f"  {client['client_id']:<22} secret {client['client_secret']}  [{client['tenant_id']}: "
            f"{'+'.join(client['roles'])}]"
        )
    lines.append(f"Public client for the CLI and apps: {creds['public_client_id']}")
    if creds["clients"]:
        c = creds["clients"][0]
        token_url = f"{creds['issuer']}/token"
        lines += [
            "",
            "Get a token and call the API:",
            f"  TOKEN=$(curl -s -u {shlex.quote(c['client_id'] + ':' + c['client_secret'])} "
            f"-d grant_type=client_credentials {token_url} | python3 -c 'import json,sys; "
            'print(json.load(sys.stdin)["access_token"])\')',
            f'  curl -s -H "Authorization: Bearer $TOKEN" {base_url}/v1/tenants/{c["tenant_id"]}',
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    settings = get_settings()
    creds = json.loads((settings.var_dir / "dev-credentials.json").read_text())
    print(render(creds, settings.public_base_url))


if __name__ == "__main__":
    main()
