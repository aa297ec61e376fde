from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_export_list import AnalyticsExportList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    schedule_id: str | Unset = UNSET,
    recipient: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_token"] = page_token

    params["schedule_id"] = schedule_id

    params["recipient"] = recipient

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/analytics/exports".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsExportList | Problem | None:
    if response.status_code == 200:
        response_200 = AnalyticsExportList.from_dict(response.json())

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
) -> Response[AnalyticsExportList | Problem]:
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
    schedule_id: str | Unset = UNSET,
    recipient: str | Unset = UNSET,
) -> Response[AnalyticsExportList | Problem]:
    """List report exports

     Newest first, each with its job and, once done, its signed evidence pack.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        schedule_id (str | Unset):
        recipient (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsExportList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        schedule_id=schedule_id,
        recipient=recipient,
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
    schedule_id: str | Unset = UNSET,
    recipient: str | Unset = UNSET,
) -> AnalyticsExportList | Problem | None:
    """List report exports

     Newest first, each with its job and, once done, its signed evidence pack.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        schedule_id (str | Unset):
        recipient (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsExportList | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        page_size=page_size,
        page_token=page_token,
        schedule_id=schedule_id,
        recipient=recipient,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    schedule_id: str | Unset = UNSET,
    recipient: str | Unset = UNSET,
) -> Response[AnalyticsExportList | Problem]:
    """List report exports

     Newest first, each with its job and, once done, its signed evidence pack.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        schedule_id (str | Unset):
        recipient (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsExportList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        schedule_id=schedule_id,
        recipient=recipient,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    schedule_id: str | Unset = UNSET,
    recipient: str | Unset = UNSET,
) -> AnalyticsExportList | Problem | None:
    """List report exports

     Newest first, each with its job and, once done, its signed evidence pack.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        schedule_id (str | Unset):
        recipient (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsExportList | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            page_size=page_size,
            page_token=page_token,
            schedule_id=schedule_id,
            recipient=recipient,
        )
    ).parsed
