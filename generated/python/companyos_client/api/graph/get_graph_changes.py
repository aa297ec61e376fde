import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.graph_change_list import GraphChangeList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    ref: str,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    depth: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    params["ref"] = ref

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["depth"] = depth

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/graph/changes".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GraphChangeList | Problem | None:
    if response.status_code == 200:
        response_200 = GraphChangeList.from_dict(response.json())

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
) -> Response[GraphChangeList | Problem]:
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
    ref: str,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    depth: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[GraphChangeList | Problem]:
    """What changed around an entity

     Changes recorded for `ref` (and, with `depth`, for entities within that many hops) in
    [`since`, `until`), newest first, each with its actor. Defaults to the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        ref (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        depth (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GraphChangeList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        ref=ref,
        since=since,
        until=until,
        depth=depth,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    ref: str,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    depth: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> GraphChangeList | Problem | None:
    """What changed around an entity

     Changes recorded for `ref` (and, with `depth`, for entities within that many hops) in
    [`since`, `until`), newest first, each with its actor. Defaults to the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        ref (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        depth (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GraphChangeList | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        ref=ref,
        since=since,
        until=until,
        depth=depth,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    ref: str,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    depth: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[GraphChangeList | Problem]:
    """What changed around an entity

     Changes recorded for `ref` (and, with `depth`, for entities within that many hops) in
    [`since`, `until`), newest first, each with its actor. Defaults to the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        ref (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        depth (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GraphChangeList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        ref=ref,
        since=since,
        until=until,
        depth=depth,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    ref: str,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    depth: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> GraphChangeList | Problem | None:
    """What changed around an entity

     Changes recorded for `ref` (and, with `depth`, for entities within that many hops) in
    [`since`, `until`), newest first, each with its actor. Defaults to the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        ref (str):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        depth (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GraphChangeList | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            ref=ref,
            since=since,
            until=until,
            depth=depth,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
