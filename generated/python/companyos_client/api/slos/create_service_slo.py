from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slo import Slo
from ...models.slo_create import SloCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    service_id: str,
    *,
    body: SloCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/services/{service_id}/slos".format(
            tenant_id=quote(str(tenant_id), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Slo | None:
    if response.status_code == 201:
        response_201 = Slo.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Slo]:
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
    body: SloCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Slo]:
    """Add an SLO to a service

     A service may hold several SLOs (at most 50), each named uniquely within it (409 otherwise).
    `latency` needs `indicator.threshold_ms`, `freshness` needs `indicator.max_age_seconds`,
    `timeslices` budgeting needs `timeslice`; a `static_error_rate` rule needs `error_rate` and
    `window_minutes`, a `burn_rate` rule `burn_rate`, `long_window_minutes` and `short_window_minutes`
    (400 naming each missing field). The service's embedded `slo` is untouched.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SloCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Slo]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        body=body,
        idempotency_key=idempotency_key,
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
    body: SloCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Slo | None:
    """Add an SLO to a service

     A service may hold several SLOs (at most 50), each named uniquely within it (409 otherwise).
    `latency` needs `indicator.threshold_ms`, `freshness` needs `indicator.max_age_seconds`,
    `timeslices` budgeting needs `timeslice`; a `static_error_rate` rule needs `error_rate` and
    `window_minutes`, a `burn_rate` rule `burn_rate`, `long_window_minutes` and `short_window_minutes`
    (400 naming each missing field). The service's embedded `slo` is untouched.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SloCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Slo
    """

    return sync_detailed(
        tenant_id=tenant_id,
        service_id=service_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SloCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Slo]:
    """Add an SLO to a service

     A service may hold several SLOs (at most 50), each named uniquely within it (409 otherwise).
    `latency` needs `indicator.threshold_ms`, `freshness` needs `indicator.max_age_seconds`,
    `timeslices` budgeting needs `timeslice`; a `static_error_rate` rule needs `error_rate` and
    `window_minutes`, a `burn_rate` rule `burn_rate`, `long_window_minutes` and `short_window_minutes`
    (400 naming each missing field). The service's embedded `slo` is untouched.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SloCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Slo]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SloCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Slo | None:
    """Add an SLO to a service

     A service may hold several SLOs (at most 50), each named uniquely within it (409 otherwise).
    `latency` needs `indicator.threshold_ms`, `freshness` needs `indicator.max_age_seconds`,
    `timeslices` budgeting needs `timeslice`; a `static_error_rate` rule needs `error_rate` and
    `window_minutes`, a `burn_rate` rule `burn_rate`, `long_window_minutes` and `short_window_minutes`
    (400 naming each missing field). The service's embedded `slo` is untouched.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SloCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Slo
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            service_id=service_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
