from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.permission_set import PermissionSet
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    tenant_id: str,
    *,
    resource: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["resource"] = resource

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/permissions".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PermissionSet | Problem | None:
    if response.status_code == 200:
        response_200 = PermissionSet.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PermissionSet | Problem]:
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
    resource: str,
) -> Response[PermissionSet | Problem]:
    """What the caller may do on a resource

     Evaluates every action that applies to `resource` for the caller and returns, for each, whether it
    is allowed and, when denied, the policy reasons, plus whether it needs step-up authentication.

    Args:
        tenant_id (str):  Example: acme.
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PermissionSet | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        resource=resource,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    resource: str,
) -> PermissionSet | Problem | None:
    """What the caller may do on a resource

     Evaluates every action that applies to `resource` for the caller and returns, for each, whether it
    is allowed and, when denied, the policy reasons, plus whether it needs step-up authentication.

    Args:
        tenant_id (str):  Example: acme.
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PermissionSet | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        resource=resource,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    resource: str,
) -> Response[PermissionSet | Problem]:
    """What the caller may do on a resource

     Evaluates every action that applies to `resource` for the caller and returns, for each, whether it
    is allowed and, when denied, the policy reasons, plus whether it needs step-up authentication.

    Args:
        tenant_id (str):  Example: acme.
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PermissionSet | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        resource=resource,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    resource: str,
) -> PermissionSet | Problem | None:
    """What the caller may do on a resource

     Evaluates every action that applies to `resource` for the caller and returns, for each, whether it
    is allowed and, when denied, the policy reasons, plus whether it needs step-up authentication.

    Args:
        tenant_id (str):  Example: acme.
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PermissionSet | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            resource=resource,
        )
    ).parsed
