"""Credentials for the CompanyOS clients.

- ``StaticToken``: a bearer token you already hold.
- ``ClientCredentials``: a confidential service client (machine to machine).
- ``DeviceCode``: RFC 8628 device authorization for CLIs and headless machines.
- ``AuthorizationCodePKCE``: authorization code + PKCE S256 with an RFC 8252 loopback redirect.

Each is an I/O-free flow driven by ``Client`` and ``AsyncClient`` alike.
"""

from typing import TYPE_CHECKING, Any

from ._base import Auth, AuthContext, StaticToken, StepUpChallenge, Token

if TYPE_CHECKING:
    from ._cache import (
        CacheKeyError,
        EncryptedFileTokenCache,
        KeyringTokenCache,
        MemoryTokenCache,
        TokenCache,
        cli_token_cache,
        default_token_cache,
    )
    from ._flows import AuthorizationCodePKCE, ClientCredentials, DeviceAuthorization, DeviceCode

# The flows and the token caches (with their cryptography) are imported on first use: `import companyos`
# needs only `_base`, and stays about as fast as `import httpx`.
_LAZY = {
    **dict.fromkeys(
        (
            "CacheKeyError",
            "EncryptedFileTokenCache",
            "KeyringTokenCache",
            "MemoryTokenCache",
            "TokenCache",
            "cli_token_cache",
            "default_token_cache",
        ),
        "._cache",
    ),
    **dict.fromkeys(
        ("AuthorizationCodePKCE", "ClientCredentials", "DeviceAuthorization", "DeviceCode"), "._flows"
    ),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Auth",
    "AuthContext",
    "AuthorizationCodePKCE",
    "CacheKeyError",
    "ClientCredentials",
    "DeviceAuthorization",
    "DeviceCode",
    "EncryptedFileTokenCache",
    "KeyringTokenCache",
    "MemoryTokenCache",
    "StaticToken",
    "StepUpChallenge",
    "Token",
    "TokenCache",
    "cli_token_cache",
    "default_token_cache",
]
