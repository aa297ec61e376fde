from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.security_event_category import SecurityEventCategory
from ...models.security_event_list import SecurityEventList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    principal: str | Unset = UNSET,
    action: str | Unset = UNSET,
    category: SecurityEventCategory | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_token"] = page_token

    params["principal"] = principal

    params["action"] = action

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/security-events".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecurityEventList | None:
    if response.status_code == 200:
        response_200 = SecurityEventList.from_dict(response.json())

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
) -> Response[Problem | SecurityEventList]:
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
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    principal: str | Unset = UNSET,
    action: str | Unset = UNSET,
    category: SecurityEventCategory | Unset = UNSET,
) -> Response[Problem | SecurityEventList]:
    """List the tenant's security events

     Newest first. Audit-chain events appended since the last read are normalised first.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        principal (str | Unset):
        action (str | Unset):
        category (SecurityEventCategory | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityEventList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        principal=principal,
        action=action,
        category=category,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    principal: str | Unset = UNSET,
    action: str | Unset = UNSET,
    category: SecurityEventCategory | Unset = UNSET,
) -> Problem | SecurityEventList | None:
    """List the tenant's security events

     Newest first. Audit-chain events appended since the last read are normalised first.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        principal (str | Unset):
        action (str | Unset):
        category (SecurityEventCategory | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityEventList
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        page_size=page_size,
        page_token=page_token,
        principal=principal,
        action=action,
        category=category,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    principal: str | Unset = UNSET,
    action: str | Unset = UNSET,
    category: SecurityEventCategory | Unset = UNSET,
) -> Response[Problem | SecurityEventList]:
    """List the tenant's security events

     Newest first. Audit-chain events appended since the last read are normalised first.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        principal (str | Unset):
        action (str | Unset):
        category (SecurityEventCategory | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityEventList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        principal=principal,
        action=action,
        category=category,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    principal: str | Unset = UNSET,
    action: str | Unset = UNSET,
    category: SecurityEventCategory | Unset = UNSET,
) -> Problem | SecurityEventList | None:
    """List the tenant's security events

     Newest first. Audit-chain events appended since the last read are normalised first.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        principal (str | Unset):
        action (str | Unset):
        category (SecurityEventCategory | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityEventList
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            page_size=page_size,
            page_token=page_token,
            principal=principal,
            action=action,
            category=category,
        )
    ).parsed
