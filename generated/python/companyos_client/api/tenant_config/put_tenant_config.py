from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tenant_config_put import TenantConfigPut
from ...models.tenant_config_version import TenantConfigVersion
from ...types import Response


def _get_kwargs(
    tenant_id: str,
    *,
    body: TenantConfigPut,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/tenants/{tenant_id}/config".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TenantConfigVersion | None:
    if response.status_code == 200:
        response_200 = TenantConfigVersion.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TenantConfigVersion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TenantConfigPut,
) -> Response[Problem | TenantConfigVersion]:
    """Save a new configuration version (high-risk)

     Stores `document` as version N+1, with the caller as author and the message given. With
    `base_version`, the save applies only when that is still the newest version (409 otherwise).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).

    Args:
        tenant_id (str):  Example: acme.
        body (TenantConfigPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantConfigVersion]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TenantConfigPut,
) -> Problem | TenantConfigVersion | None:
    """Save a new configuration version (high-risk)

     Stores `document` as version N+1, with the caller as author and the message given. With
    `base_version`, the save applies only when that is still the newest version (409 otherwise).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).

    Args:
        tenant_id (str):  Example: acme.
        body (TenantConfigPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantConfigVersion
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TenantConfigPut,
) -> Response[Problem | TenantConfigVersion]:
    """Save a new configuration version (high-risk)

     Stores `document` as version N+1, with the caller as author and the message given. With
    `base_version`, the save applies only when that is still the newest version (409 otherwise).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).

    Args:
        tenant_id (str):  Example: acme.
        body (TenantConfigPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantConfigVersion]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TenantConfigPut,
) -> Problem | TenantConfigVersion | None:
    """Save a new configuration version (high-risk)

     Stores `document` as version N+1, with the caller as author and the message given. With
    `base_version`, the save applies only when that is still the newest version (409 otherwise).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).

    Args:
        tenant_id (str):  Example: acme.
        body (TenantConfigPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantConfigVersion
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
        )
    ).parsed
