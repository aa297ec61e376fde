"""The CompanyOS Python SDK.

```python
import companyos

client = companyos.Client(auth=companyos.auth.DeviceCode(), tenant="acme")
for job in client.jobs.list(state="running"):
    print(job["id"], job["progress"])
```
"""

from typing import TYPE_CHECKING, Any

from companyos import auth
from companyos._base_client import APIResponse
from companyos._breaker import CircuitBreaker
from companyos._client import AsyncClient, Client
from companyos._env import MissingCredentialsError
from companyos._exceptions import (
    AccessDeniedError,
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CircuitOpenError,
    CompanyOSError,
    ConflictError,
    ExpiredTokenError,
    InternalServerError,
    MutationQueued,
    NotFoundError,
    OAuthError,
    PermissionDeniedError,
    RateLimitError,
    StepUpRequired,
    UnprocessableEntityError,
)
from companyos._pagination import AsyncPager, Page, SyncPager
from companyos._retry import RetryPolicy
from companyos._types import NOT_GIVEN, NotGiven
from companyos._version import API_VERSION, __version__
from companyos.auth import StaticToken, StepUpChallenge, Token

if TYPE_CHECKING:
    from companyos import evidence, types
    from companyos.auth import AuthorizationCodePKCE, ClientCredentials, DeviceCode
    from companyos.offline import FlushResult, OfflineQueue, OfflineStatus

# Imported on first use, so that `import companyos` stays about as fast as `import httpx`.
_LAZY = {
    "AuthorizationCodePKCE": ("companyos.auth._flows", "AuthorizationCodePKCE"),
    "ClientCredentials": ("companyos.auth._flows", "ClientCredentials"),
    "DeviceCode": ("companyos.auth._flows", "DeviceCode"),
    "evidence": ("companyos.evidence", None),
    "types": ("companyos.types", None),
    "FlushResult": ("companyos.offline", "FlushResult"),
    "OfflineQueue": ("companyos.offline", "OfflineQueue"),
    "OfflineStatus": ("companyos.offline", "OfflineStatus"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'companyos' has no attribute {name!r}")
    import importlib

    module_name, attr = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "API_VERSION",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AccessDeniedError",
    "AsyncClient",
    "AsyncPager",
    "AuthenticationError",
    "AuthorizationCodePKCE",
    "BadRequestError",
    "CircuitBreaker",
    "CircuitOpenError",
    "Client",
    "ClientCredentials",
    "CompanyOSError",
    "ConflictError",
    "DeviceCode",
    "ExpiredTokenError",
    "FlushResult",
    "InternalServerError",
    "MissingCredentialsError",
    "MutationQueued",
    "NotFoundError",
    "NotGiven",
    "OAuthError",
    "OfflineQueue",
    "OfflineStatus",
    "Page",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "StaticToken",
    "StepUpChallenge",
    "StepUpRequired",
    "SyncPager",
    "Token",
    "UnprocessableEntityError",
    "__version__",
    "auth",
    "evidence",
    "types",
]
