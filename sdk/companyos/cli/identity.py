"""``login``, ``logout`` and ``whoami``: who the CLI acts as."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import httpx
import typer

from ._common import state
from ._context import DEFAULT_CLIENT_ID, DEFAULT_SCOPE, Profile
from ._output import Column, render_object

__all__ = ["login", "logout", "register", "whoami"]

ME_FIELDS: list[Column] = [
    ("subject", "subject"),
    ("kind", "kind"),
    ("name", "name"),
    ("client", "client_id"),
    ("tenants", lambda me: [f"{t['tenant_id']} ({', '.join(t['roles'])})" for t in me.get("tenants", [])]),
    ("scopes", lambda me: " ".join(me.get("scopes", []))),
    ("acr", "acr"),
    ("auth time", "auth_time"),
]


def login(
    ctx: typer.Context,
    pkce: Annotated[
        bool, typer.Option("--pkce", help="Browser sign-in (authorization code + PKCE, loopback redirect).")
    ] = False,
    client_id: Annotated[
        str, typer.Option("--client-id", help="OAuth public client id.")
    ] = DEFAULT_CLIENT_ID,
    scope: Annotated[str, typer.Option("--scope", help="Scopes to request.")] = DEFAULT_SCOPE,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="With --pkce: print the URL instead of opening a browser.")
    ] = False,
) -> None:
    """Sign in (device code by default: prints a URL and a code to enter there) and cache the tokens."""
    st = state(ctx)
    profile = Profile(
        api_url=st.api_url,
        client_id=client_id,
        flow="authorization_code" if pkce else "device_code",
        scope=scope,
        tenant=st.tenant,
        environment=st.environment,
    )
    auth = st.interactive_auth(profile, login=True)
    if pkce and no_browser and st.overrides.open_browser is None:
        from companyos.auth import AuthorizationCodePKCE

        auth = AuthorizationCodePKCE(client_id, scope=scope, token_cache=st.token_cache, open_browser=False)
    auth.forget(st.auth_context(profile.api_url))  # a fresh sign-in, not the cached one
    me = st.client(auth=auth).identity.me()
    st.profiles.set(st.profile_name, profile)
    print(
        f"Logged in to {profile.api_url} as {me['subject']} ({me.get('name') or me['kind']}).",
        file=sys.stderr,
    )
    from companyos.auth._cache import storage_note

    if note := storage_note(st.token_cache):
        print(note, file=sys.stderr)
    elif getattr(st.token_cache, "persistent", True) is False:
        print(
            "warning: no OS keyring and no COMPANYOS_CACHE_KEY: the tokens were not saved, so this login ends "
            "with this command (set COMPANYOS_CACHE_KEY or COMPANYOS_CACHE_KEY_FILE to keep it).",
            file=sys.stderr,
        )
    render_object(me, st.output, ME_FIELDS)


def _revoke(http: httpx.Client, issuer: str, client_id: str, token: str, hint: str) -> bool:
    discovery = http.get(f"{issuer}/.well-known/openid-configuration")
    endpoint = discovery.json().get("revocation_endpoint") if discovery.status_code == 200 else None
    if not endpoint:
        return False
    response = http.post(endpoint, data={"token": token, "token_type_hint": hint, "client_id": client_id})
    return response.status_code == 200


def logout(ctx: typer.Context) -> None:
    """Revoke the saved login's tokens at the provider and remove them from the token cache."""
    st = state(ctx)
    profile = st.profile
    if profile is None:
        print(f"not logged in (profile {st.profile_name})", file=sys.stderr)
        return
    auth = st.interactive_auth(profile)
    actx = st.auth_context(profile.api_url)
    cached: dict[str, Any] | None = st.token_cache.get(auth.cache_key(actx))
    revoked = False
    if cached:
        http = st.http()
        try:
            for key, hint in (("refresh_token", "refresh_token"), ("access_token", "access_token")):
                if cached.get(key):
                    revoked = (
                        _revoke(http, auth.issuer_url(actx), profile.client_id, cached[key], hint) or revoked
                    )
        except httpx.HTTPError as exc:
            print(f"warning: could not revoke the tokens ({exc}); removing them locally", file=sys.stderr)
        finally:
            if http is not st.overrides.http_client:
                http.close()
    auth.forget(actx)
    st.profiles.delete(st.profile_name)
    print(f"Logged out of {profile.api_url}" + (" (tokens revoked)." if revoked else "."), file=sys.stderr)


def whoami(ctx: typer.Context) -> None:
    """The calling principal: subject, tenants and roles, scopes, authentication level."""
    st = state(ctx)
    me = st.client().identity.me()
    render_object(me, st.output, ME_FIELDS)


def register(app: typer.Typer) -> None:
    app.command("login")(login)
    app.command("logout")(logout)
    app.command("whoami")(whoami)
