import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sli_sample_list import SliSampleList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    service_id: str,
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_token"] = page_token

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/services/{service_id}/sli-samples".format(
            tenant_id=quote(str(tenant_id), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SliSampleList | None:
    if response.status_code == 200:
        response_200 = SliSampleList.from_dict(response.json())

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
) -> Response[Problem | SliSampleList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | SliSampleList]:
    """List a service's SLI samples

     The service's SLI samples (`good` of `total` events per bucket) in `[since, until]`, oldest first.
    Default window: the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliSampleList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        page_size=page_size,
        page_token=page_token,
        since=since,
        until=until,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | SliSampleList | None:
    """List a service's SLI samples

     The service's SLI samples (`good` of `total` events per bucket) in `[since, until]`, oldest first.
    Default window: the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliSampleList
    """

    return sync_detailed(
        tenant_id=tenant_id,
        service_id=service_id,
        client=client,
        page_size=page_size,
        page_token=page_token,
        since=since,
        until=until,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | SliSampleList]:
    """List a service's SLI samples

     The service's SLI samples (`good` of `total` events per bucket) in `[since, until]`, oldest first.
    Default window: the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliSampleList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        page_size=page_size,
        page_token=page_token,
        since=since,
        until=until,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | SliSampleList | None:
    """List a service's SLI samples

     The service's SLI samples (`good` of `total` events per bucket) in `[since, until]`, oldest first.
    Default window: the last 24 hours.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliSampleList
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            service_id=service_id,
            client=client,
            page_size=page_size,
            page_token=page_token,
            since=since,
            until=until,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
