"""Credentials for the CompanyOS clients.

- ``StaticToken``: a bearer token you already hold.
- ``ClientCredentials``: a confidential service client (machine to machine).
- ``DeviceCode``: RFC 8628 device authorization for CLIs and headless machines.
- ``AuthorizationCodePKCE``: authorization code + PKCE S256 with an RFC 8252 loopback redirect.

Each is an I/O-free flow driven by ``Client`` and ``AsyncClient`` alike.
"""

from ._base import Auth, AuthContext, StaticToken, StepUpChallenge, Token
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
