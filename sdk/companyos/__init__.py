"""The CompanyOS Python SDK.

```python
import companyos

client = companyos.Client(auth=companyos.auth.DeviceCode(), tenant="acme")
for job in client.jobs.list(state="running"):
    print(job["id"], job["progress"])
```
"""

from companyos import auth, types
from companyos._base_client import APIResponse
from companyos._breaker import CircuitBreaker
from companyos._client import AsyncClient, Client
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
from companyos.auth import (
    AuthorizationCodePKCE,
    ClientCredentials,
    DeviceCode,
    StaticToken,
    StepUpChallenge,
    Token,
)
from companyos.offline import FlushResult, OfflineQueue, OfflineStatus

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
    "types",
]
