"""The environment variables shared by the SDK, the ``companyos`` CLI and the quickstarts, read in one place.

| variable | meaning |
| --- | --- |
| ``COMPANYOS_BASE_URL`` | the API root (default ``http://127.0.0.1:8080``) |
| ``COMPANYOS_TENANT`` | the default tenant of tenant-scoped calls |
| ``COMPANYOS_ENVIRONMENT`` | the default environment of environment-scoped calls |
| ``COMPANYOS_TOKEN`` | a bearer access token (wins over client credentials) |
| ``COMPANYOS_CLIENT_ID`` + ``COMPANYOS_CLIENT_SECRET`` | a service client (client credentials grant) |
| ``COMPANYOS_SCOPE`` | the scope asked with client credentials (default ``api``) |

``COMPANYOS_API_URL``, the CLI's former name for ``COMPANYOS_BASE_URL``, is still read when
``COMPANYOS_BASE_URL`` is unset, with a one-time deprecation WARNING.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from companyos._exceptions import CompanyOSError

if TYPE_CHECKING:
    from companyos.auth import Auth

__all__ = [
    "BASE_URL",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "ENVIRONMENT",
    "SCOPE",
    "TENANT",
    "TOKEN",
    "MissingCredentialsError",
    "base_url",
    "credential",
    "environment",
    "tenant",
]

BASE_URL = "COMPANYOS_BASE_URL"
TENANT = "COMPANYOS_TENANT"
ENVIRONMENT = "COMPANYOS_ENVIRONMENT"
TOKEN = "COMPANYOS_TOKEN"
CLIENT_ID = "COMPANYOS_CLIENT_ID"
CLIENT_SECRET = "COMPANYOS_CLIENT_SECRET"
SCOPE = "COMPANYOS_SCOPE"
LEGACY_BASE_URL = "COMPANYOS_API_URL"

HOW_TO_AUTHENTICATE = (
    f"pass auth=... (a credential from companyos.auth or an access token), or set {TOKEN}, or "
    f"{CLIENT_ID} and {CLIENT_SECRET}; for the public endpoints only, pass anonymous=True"
)


class MissingCredentialsError(CompanyOSError, ValueError):
    """``Client()`` found no credential (argument or environment) and anonymous use was not asked for."""


def _get(name: str) -> str | None:
    return os.environ.get(name) or None


def base_url() -> str | None:
    if value := _get(BASE_URL):
        return value
    if value := _get(LEGACY_BASE_URL):
        from companyos._crypto import warn_once

        warn_once("env-api-url", "%s is deprecated: set %s instead", LEGACY_BASE_URL, BASE_URL)
        return value
    return None


def tenant() -> str | None:
    return _get(TENANT)


def environment() -> str | None:
    return _get(ENVIRONMENT)


def credential() -> tuple[Auth, str] | None:
    """The credential the environment names, with where it came from; ``None`` when it names none.

    ``COMPANYOS_TOKEN`` wins; ``COMPANYOS_CLIENT_ID`` without ``COMPANYOS_CLIENT_SECRET`` (or the reverse)
    is an error rather than a silent fall-through.
    """
    if token := _get(TOKEN):
        from companyos.auth import StaticToken

        return StaticToken(token), TOKEN
    client_id, secret = _get(CLIENT_ID), _get(CLIENT_SECRET)
    if client_id and secret:
        from companyos.auth import ClientCredentials

        return ClientCredentials(
            client_id, secret, scope=_get(SCOPE) or "api"
        ), f"{CLIENT_ID}/{CLIENT_SECRET}"
    if client_id or secret:
        missing = CLIENT_SECRET if client_id else CLIENT_ID
        present = CLIENT_ID if client_id else CLIENT_SECRET
        raise MissingCredentialsError(f"{present} is set but {missing} is not: set both (client credentials)")
    return None
