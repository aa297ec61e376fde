import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_occurrence_list import AlertOccurrenceList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    service_id: str | Unset = UNSET,
    alert_name: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_token"] = page_token

    params["service_id"] = service_id

    params["alert_name"] = alert_name

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
        "url": "/v1/tenants/{tenant_id}/alert-occurrences".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AlertOccurrenceList | Problem | None:
    if response.status_code == 200:
        response_200 = AlertOccurrenceList.from_dict(response.json())

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
) -> Response[AlertOccurrenceList | Problem]:
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
    service_id: str | Unset = UNSET,
    alert_name: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Response[AlertOccurrenceList | Problem]:
    """List alert occurrences (every firing of every alert)

     An occurrence is one firing of an alert: its fingerprint and `starts_at` (unique together), and
    `ends_at` once it resolved. Every Alertmanager notification records them (a repeat of a firing
    alert, same `startsAt`, is the same occurrence; a new `startsAt` is a new one), and
    `POST …/alert-history/import` loads past ones. Newest first (by `starts_at`). `since` and `until`
    filter on `starts_at`: `since` ≤ `starts_at` < `until`.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        service_id (str | Unset):
        alert_name (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertOccurrenceList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        service_id=service_id,
        alert_name=alert_name,
        since=since,
        until=until,
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
    service_id: str | Unset = UNSET,
    alert_name: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> AlertOccurrenceList | Problem | None:
    """List alert occurrences (every firing of every alert)

     An occurrence is one firing of an alert: its fingerprint and `starts_at` (unique together), and
    `ends_at` once it resolved. Every Alertmanager notification records them (a repeat of a firing
    alert, same `startsAt`, is the same occurrence; a new `startsAt` is a new one), and
    `POST …/alert-history/import` loads past ones. Newest first (by `starts_at`). `since` and `until`
    filter on `starts_at`: `since` ≤ `starts_at` < `until`.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        service_id (str | Unset):
        alert_name (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertOccurrenceList | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        page_size=page_size,
        page_token=page_token,
        service_id=service_id,
        alert_name=alert_name,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    service_id: str | Unset = UNSET,
    alert_name: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> Response[AlertOccurrenceList | Problem]:
    """List alert occurrences (every firing of every alert)

     An occurrence is one firing of an alert: its fingerprint and `starts_at` (unique together), and
    `ends_at` once it resolved. Every Alertmanager notification records them (a repeat of a firing
    alert, same `startsAt`, is the same occurrence; a new `startsAt` is a new one), and
    `POST …/alert-history/import` loads past ones. Newest first (by `starts_at`). `since` and `until`
    filter on `starts_at`: `since` ≤ `starts_at` < `until`.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        service_id (str | Unset):
        alert_name (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertOccurrenceList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        service_id=service_id,
        alert_name=alert_name,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    service_id: str | Unset = UNSET,
    alert_name: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
) -> AlertOccurrenceList | Problem | None:
    """List alert occurrences (every firing of every alert)

     An occurrence is one firing of an alert: its fingerprint and `starts_at` (unique together), and
    `ends_at` once it resolved. Every Alertmanager notification records them (a repeat of a firing
    alert, same `startsAt`, is the same occurrence; a new `startsAt` is a new one), and
    `POST …/alert-history/import` loads past ones. Newest first (by `starts_at`). `since` and `until`
    filter on `starts_at`: `since` ≤ `starts_at` < `until`.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        service_id (str | Unset):
        alert_name (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertOccurrenceList | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            page_size=page_size,
            page_token=page_token,
            service_id=service_id,
            alert_name=alert_name,
            since=since,
            until=until,
        )
    ).parsed
