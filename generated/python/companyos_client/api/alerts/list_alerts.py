from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_category import AlertCategory
from ...models.alert_list import AlertList
from ...models.alert_severity import AlertSeverity
from ...models.alert_status import AlertStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    status: AlertStatus | Unset = UNSET,
    severity: AlertSeverity | Unset = UNSET,
    service_id: str | Unset = UNSET,
    category: AlertCategory | Unset = UNSET,
    principal: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_size"] = page_size

    params["page_token"] = page_token

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_severity: str | Unset = UNSET
    if not isinstance(severity, Unset):
        json_severity = severity.value

    params["severity"] = json_severity

    params["service_id"] = service_id

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    params["principal"] = principal

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/alerts".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertList | Problem | None:
    if response.status_code == 200:
        response_200 = AlertList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlertList | Problem]:
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
    status: AlertStatus | Unset = UNSET,
    severity: AlertSeverity | Unset = UNSET,
    service_id: str | Unset = UNSET,
    category: AlertCategory | Unset = UNSET,
    principal: str | Unset = UNSET,
) -> Response[AlertList | Problem]:
    """List the alerts inbox

     Newest first. Silences that have expired lapse when the inbox is read.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        status (AlertStatus | Unset):
        severity (AlertSeverity | Unset):
        service_id (str | Unset):
        category (AlertCategory | Unset):
        principal (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        status=status,
        severity=severity,
        service_id=service_id,
        category=category,
        principal=principal,
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
    status: AlertStatus | Unset = UNSET,
    severity: AlertSeverity | Unset = UNSET,
    service_id: str | Unset = UNSET,
    category: AlertCategory | Unset = UNSET,
    principal: str | Unset = UNSET,
) -> AlertList | Problem | None:
    """List the alerts inbox

     Newest first. Silences that have expired lapse when the inbox is read.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        status (AlertStatus | Unset):
        severity (AlertSeverity | Unset):
        service_id (str | Unset):
        category (AlertCategory | Unset):
        principal (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertList | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        page_size=page_size,
        page_token=page_token,
        status=status,
        severity=severity,
        service_id=service_id,
        category=category,
        principal=principal,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    status: AlertStatus | Unset = UNSET,
    severity: AlertSeverity | Unset = UNSET,
    service_id: str | Unset = UNSET,
    category: AlertCategory | Unset = UNSET,
    principal: str | Unset = UNSET,
) -> Response[AlertList | Problem]:
    """List the alerts inbox

     Newest first. Silences that have expired lapse when the inbox is read.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        status (AlertStatus | Unset):
        severity (AlertSeverity | Unset):
        service_id (str | Unset):
        category (AlertCategory | Unset):
        principal (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertList | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        page_size=page_size,
        page_token=page_token,
        status=status,
        severity=severity,
        service_id=service_id,
        category=category,
        principal=principal,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_size: int | Unset = 50,
    page_token: str | Unset = UNSET,
    status: AlertStatus | Unset = UNSET,
    severity: AlertSeverity | Unset = UNSET,
    service_id: str | Unset = UNSET,
    category: AlertCategory | Unset = UNSET,
    principal: str | Unset = UNSET,
) -> AlertList | Problem | None:
    """List the alerts inbox

     Newest first. Silences that have expired lapse when the inbox is read.

    Args:
        tenant_id (str):  Example: acme.
        page_size (int | Unset):  Default: 50.
        page_token (str | Unset):
        status (AlertStatus | Unset):
        severity (AlertSeverity | Unset):
        service_id (str | Unset):
        category (AlertCategory | Unset):
        principal (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertList | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            page_size=page_size,
            page_token=page_token,
            status=status,
            severity=severity,
            service_id=service_id,
            category=category,
            principal=principal,
        )
    ).parsed
