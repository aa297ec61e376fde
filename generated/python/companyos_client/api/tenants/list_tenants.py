from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tenant_environment import TenantEnvironment
from ...models.tenant_list import TenantList
from ...models.tenant_status import TenantStatus
from ...models.tenant_tier import TenantTier
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    tier: TenantTier | Unset = UNSET,
    status: TenantStatus | Unset = UNSET,
    environment: TenantEnvironment | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_token"] = page_token

    json_tier: str | Unset = UNSET
    if not isinstance(tier, Unset):
        json_tier = tier.value

    params["tier"] = json_tier

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_environment: str | Unset = UNSET
    if not isinstance(environment, Unset):
        json_environment = environment.value

    params["environment"] = json_environment

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TenantList | None:
    if response.status_code == 200:
        response_200 = TenantList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TenantList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    tier: TenantTier | Unset = UNSET,
    status: TenantStatus | Unset = UNSET,
    environment: TenantEnvironment | Unset = UNSET,
) -> Response[Problem | TenantList]:
    """List tenants

     Platform admins see every tenant; everyone else sees the tenants they are a member of.

    Args:
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        tier (TenantTier | Unset):
        status (TenantStatus | Unset):
        environment (TenantEnvironment | Unset): Set when the tenant is created and never changed.
            `sandbox` tenants hold synthetic data and run
            under guardrails (see docs/sandbox.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantList]
    """

    kwargs = _get_kwargs(
        page_size=page_size,
        page_token=page_token,
        tier=tier,
        status=status,
        environment=environment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    tier: TenantTier | Unset = UNSET,
    status: TenantStatus | Unset = UNSET,
    environment: TenantEnvironment | Unset = UNSET,
) -> Problem | TenantList | None:
    """List tenants

     Platform admins see every tenant; everyone else sees the tenants they are a member of.

    Args:
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        tier (TenantTier | Unset):
        status (TenantStatus | Unset):
        environment (TenantEnvironment | Unset): Set when the tenant is created and never changed.
            `sandbox` tenants hold synthetic data and run
            under guardrails (see docs/sandbox.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantList
    """

    return sync_detailed(
        client=client,
        page_size=page_size,
        page_token=page_token,
        tier=tier,
        status=status,
        environment=environment,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    tier: TenantTier | Unset = UNSET,
    status: TenantStatus | Unset = UNSET,
    environment: TenantEnvironment | Unset = UNSET,
) -> Response[Problem | TenantList]:
    """List tenants

     Platform admins see every tenant; everyone else sees the tenants they are a member of.

    Args:
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        tier (TenantTier | Unset):
        status (TenantStatus | Unset):
        environment (TenantEnvironment | Unset): Set when the tenant is created and never changed.
            `sandbox` tenants hold synthetic data and run
            under guardrails (see docs/sandbox.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantList]
    """

    kwargs = _get_kwargs(
        page_size=page_size,
        page_token=page_token,
        tier=tier,
        status=status,
        environment=environment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    tier: TenantTier | Unset = UNSET,
    status: TenantStatus | Unset = UNSET,
    environment: TenantEnvironment | Unset = UNSET,
) -> Problem | TenantList | None:
    """List tenants

     Platform admins see every tenant; everyone else sees the tenants they are a member of.

    Args:
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        tier (TenantTier | Unset):
        status (TenantStatus | Unset):
        environment (TenantEnvironment | Unset): Set when the tenant is created and never changed.
            `sandbox` tenants hold synthetic data and run
            under guardrails (see docs/sandbox.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantList
    """

    return (
        await asyncio_detailed(
            client=client,
            page_size=page_size,
            page_token=page_token,
            tier=tier,
            status=status,
            environment=environment,
        )
    ).parsed
