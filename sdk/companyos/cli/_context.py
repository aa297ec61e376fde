"""Per-invocation state: global options, saved login profiles, and building the SDK client from them.

The environment variables are the SDK's (``companyos._env``): ``COMPANYOS_BASE_URL``, ``COMPANYOS_TENANT``,
``COMPANYOS_ENVIRONMENT`` and the credentials. Credentials, first match wins:
1. ``COMPANYOS_TOKEN``: a static bearer token;
2. ``COMPANYOS_CLIENT_ID`` + ``COMPANYOS_CLIENT_SECRET``: client credentials (``COMPANYOS_SCOPE``, default
   ``api``) — for CI;
3. the profile saved by ``companyos login`` (device code or PKCE), whose tokens live in the OS keyring, or
   where there is no usable keyring, in an encrypted file under the user's config directory (see
   ``companyos.auth.cli_token_cache``).

Profiles (``$COMPANYOS_HOME/cli-profiles.json``, no secrets) remember the API URL, client id, flow and
default tenant of each login.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

import companyos
from companyos import _env
from companyos.auth import (
    Auth,
    AuthContext,
    AuthorizationCodePKCE,
    DeviceAuthorization,
    DeviceCode,
    MemoryTokenCache,
    StepUpChallenge,
    TokenCache,
    cli_token_cache,
)

from ._errors import LoginRequired

__all__ = ["DEFAULT_API_URL", "DEFAULT_CLIENT_ID", "CliOverrides", "Profile", "State", "home_dir"]

DEFAULT_API_URL = "http://127.0.0.1:8080"
DEFAULT_CLIENT_ID = "companyos-cli"
DEFAULT_SCOPE = "openid offline_access api"
_TENANT_PATH = re.compile(r"/v1/tenants/([^/]+)")


@dataclass
class CliOverrides:
    """Hooks for embedding and tests (``runner.invoke(app, args, obj=CliOverrides(...))``).

    - ``http_client``: the ``httpx.Client`` every SDK client uses (an in-process app in tests);
    - ``token_cache``: where login tokens go (default: the SDK's ``default_token_cache()``);
    - ``on_device_prompt``: called with the ``DeviceAuthorization`` after it is printed;
    - ``open_browser``: called with the PKCE authorization URL instead of opening a browser;
    - ``client_kwargs``: extra ``companyos.Client`` keyword arguments.
    """

    http_client: httpx.Client | None = None
    token_cache: TokenCache | None = None
    on_device_prompt: Callable[[DeviceAuthorization], Any] | None = None
    open_browser: Callable[[str], Any] | None = None
    client_kwargs: dict[str, Any] = field(default_factory=dict)


def home_dir() -> Path:
    """Same rule as the SDK: ``COMPANYOS_HOME``, else ``$XDG_STATE_HOME/companyos``, else ``~/.local/state``."""
    if home := os.environ.get("COMPANYOS_HOME"):
        return Path(home)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "companyos"


@dataclass
class Profile:
    api_url: str
    client_id: str = DEFAULT_CLIENT_ID
    flow: str = "device_code"  # or "authorization_code"
    scope: str = DEFAULT_SCOPE
    tenant: str | None = None
    environment: str | None = None


class Profiles:
    """``cli-profiles.json``: ``{"profiles": {name: Profile fields}}`` (0600; no tokens)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path: Path = path or home_dir() / "cli-profiles.json"

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return {"profiles": {}}
        return data if isinstance(data, dict) and isinstance(data.get("profiles"), dict) else {"profiles": {}}

    def get(self, name: str) -> Profile | None:
        raw = self._load()["profiles"].get(name)
        if not isinstance(raw, dict):
            return None
        known = {k: v for k, v in raw.items() if k in Profile.__dataclass_fields__}
        return Profile(**known) if "api_url" in known else None

    def set(self, name: str, profile: Profile) -> None:
        data = self._load()
        data["profiles"][name] = profile.__dict__
        self._write(data)

    def delete(self, name: str) -> bool:
        data = self._load()
        found = data["profiles"].pop(name, None) is not None
        if found:
            self._write(data)
        return found

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump(data, out, indent=2)
        os.replace(tmp, self.path)


def _refuse_interactive(what: str) -> Callable[[Any], Any]:
    def _raise(_: Any) -> Any:
        raise LoginRequired(f"the saved login has expired ({what}): run `companyos login` again")

    return _raise


@dataclass
class State:
    """The global options of one invocation (``ctx.obj``)."""

    output: str = "table"
    tenant: str | None = None
    environment: str | None = None
    api_url_option: str | None = None
    profile_name: str = "default"
    offline: bool = False
    overrides: CliOverrides = field(default_factory=CliOverrides)
    _clients: list[companyos.Client] = field(default_factory=list)
    _token_cache: TokenCache | None = None

    # -- configuration ------------------------------------------------------------------------------
    @property
    def profiles(self) -> Profiles:
        return Profiles()

    @property
    def profile(self) -> Profile | None:
        return self.profiles.get(self.profile_name)

    @property
    def api_url(self) -> str:
        profile = self.profile
        return (
            self.api_url_option
            or _env.base_url()
            or (profile.api_url if profile else None)
            or DEFAULT_API_URL
        ).rstrip("/")

    @property
    def default_tenant(self) -> str | None:
        profile = self.profile
        return self.tenant or _env.tenant() or (profile.tenant if profile else None)

    @property
    def default_environment(self) -> str | None:
        profile = self.profile
        return self.environment or _env.environment() or (profile.environment if profile else None)

    @property
    def token_cache(self) -> TokenCache:
        if self._token_cache is None:
            self._token_cache = self.overrides.token_cache or cli_token_cache()
        return self._token_cache

    def auth_context(self, api_url: str | None = None) -> AuthContext:
        return AuthContext(base_url=httpx.URL(api_url or self.api_url), now=time.time, headers={})

    # -- credentials ---------------------------------------------------------------------------------
    def interactive_auth(
        self, profile: Profile, *, login: bool = False
    ) -> DeviceCode | AuthorizationCodePKCE:
        """The credential of a saved (or starting) login. Outside ``login`` it never prompts."""
        if profile.flow == "authorization_code":
            opener: Any = self.overrides.open_browser or True
            return AuthorizationCodePKCE(
                profile.client_id,
                scope=profile.scope,
                token_cache=self.token_cache,
                open_browser=opener if login else _refuse_interactive("browser sign-in needed"),
            )
        return DeviceCode(
            profile.client_id,
            scope=profile.scope,
            token_cache=self.token_cache,
            prompt=self._device_prompt if login else _refuse_interactive("device sign-in needed"),
        )

    def _device_prompt(self, info: DeviceAuthorization) -> None:
        print(f"Open {info.verification_uri} and enter the code: {info.user_code}", file=sys.stderr)
        if info.verification_uri_complete:
            print(f"(or open {info.verification_uri_complete})", file=sys.stderr)
        print(
            f"Waiting for approval (the code expires in {info.expires_in // 60} min)…",
            file=sys.stderr,
            flush=True,
        )
        if self.overrides.on_device_prompt is not None:
            self.overrides.on_device_prompt(info)

    def resolve_auth(self) -> tuple[Auth, str]:
        """The credential for API calls and a short description of where it came from."""
        from_env = _env.credential()
        if from_env is not None:
            return from_env
        profile = self.profile
        if profile is None:
            raise LoginRequired()
        auth = self.interactive_auth(profile)
        if self.token_cache.get(auth.cache_key(self.auth_context(profile.api_url))) is None:
            raise LoginRequired()
        return auth, f"profile {self.profile_name}"

    def _step_up_hook(self, auth: Auth) -> Callable[[StepUpChallenge], Any] | None:
        """Interactive logins on a terminal step up through the browser (PKCE with the requested acr)."""
        if not isinstance(auth, DeviceCode | AuthorizationCodePKCE) or not sys.stdin.isatty():
            return None
        client_id = auth.client_id

        def hook(challenge: StepUpChallenge) -> Auth:
            print(f"Step-up required ({' '.join(challenge.acr_values)}): sign in again.", file=sys.stderr)
            return AuthorizationCodePKCE(
                client_id,
                token_cache=MemoryTokenCache(),
                acr_values=challenge.acr_values,
                max_age=challenge.max_age,
                open_browser=self.overrides.open_browser or True,
            )

        return hook

    # -- clients -------------------------------------------------------------------------------------
    def client(self, *, auth: Auth | bool | None = True, offline: bool | None = None) -> companyos.Client:
        """An SDK client for this invocation (``auth=True`` resolves credentials, ``None`` sends none)."""
        credential: Auth | None = self.resolve_auth()[0] if auth is True else (auth or None)
        kwargs: dict[str, Any] = {
            "base_url": self.api_url,
            "auth": credential,
            "anonymous": credential is None,
            "tenant": self.default_tenant,
            "environment": self.default_environment,
            "offline": self.offline if offline is None else offline,
            "on_step_up": self._step_up_hook(credential) if credential is not None else None,
            **self.overrides.client_kwargs,
        }
        if self.overrides.http_client is not None:
            kwargs["http_client"] = self.overrides.http_client
        client = companyos.Client(**kwargs)
        self._clients.append(client)
        return client

    def http(self) -> httpx.Client:
        """A plain httpx client (token revocation), the test transport when one is set."""
        return self.overrides.http_client or httpx.Client(timeout=httpx.Timeout(30.0, connect=5.0))

    def close(self) -> None:
        if self.overrides.http_client is None:
            for client in self._clients:
                client.close()
        self._clients.clear()

    def membership_hint(self, exc: BaseException) -> str | None:
        """For a 404 from a tenant-scoped call: "you are not a member of tenant X" when ``/v1/me`` says so.

        The API answers a tenant the caller does not belong to exactly like a missing one (it never reveals
        which tenants exist); the caller's own memberships are theirs to know, so the CLI can tell.
        """
        if not isinstance(exc, companyos.NotFoundError):
            return None
        found = _TENANT_PATH.search(exc.response.request.url.path)
        if found is None:
            return None
        tenant = unquote(found.group(1))
        try:
            me = self.client().identity.me()
        except Exception:  # noqa: BLE001 (a hint is best effort: the original error is reported instead)
            return None
        mine = sorted(str(m.get("tenant_id")) for m in me.get("tenants") or [])
        if tenant in mine or {"platform:admin", "tenants:cross"} & set(me.get("scopes") or []):
            return None
        yours = f"your tenants: {', '.join(mine)}" if mine else "you are a member of no tenant"
        return (
            f"you are not a member of tenant {tenant} ({yours}): pass --tenant or set COMPANYOS_TENANT to one of "
            f"yours, or ask an admin of {tenant} to add you"
        )

    def require_tenant(self, explicit: str | None = None) -> str:
        tenant = explicit or self.default_tenant
        if not tenant:
            from ._errors import CliError, ExitCode

            raise CliError("no tenant: pass --tenant or set COMPANYOS_TENANT", ExitCode.USAGE)
        return tenant
