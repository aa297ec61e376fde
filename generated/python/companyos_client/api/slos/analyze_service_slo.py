from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slo_analysis import SloAnalysis
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    service_id: str,
    *,
    days: int | Unset = 7,
    compare_error_rate: float | Unset = UNSET,
    compare_window_minutes: int | Unset = 5,
    min_events: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    params["days"] = days

    params["compare_error_rate"] = compare_error_rate

    params["compare_window_minutes"] = compare_window_minutes

    params["min_events"] = min_events

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/services/{service_id}/slo-analysis".format(
            tenant_id=quote(str(tenant_id), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SloAnalysis | None:
    if response.status_code == 200:
        response_200 = SloAnalysis.from_dict(response.json())

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
) -> Response[Problem | SloAnalysis]:
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
    days: int | Unset = 7,
    compare_error_rate: float | Unset = UNSET,
    compare_window_minutes: int | Unset = 5,
    min_events: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | SloAnalysis]:
    """Analyse a service's SLO over its recent history

     Reads the service's SLI samples (placed at the minute of their timestamp) and deployments of the
    last `days` days and answers: the budget left over the period, the burn rate now over 5 min, 30 min,
    1 h, 6 h and 3 d, whether each rule of the Workbook's multi-window, multi-burn-rate policy fires
    now,
    the significant budget burns (runs burning above budget that spent at least 2 % of the window's
    budget), regressions (change points where the error rate at least doubled above the allowance)
    attributed to the deployment just before them, and a backtest: the Workbook policy replayed over
    the period and scored against the significant burns (pages, precision, recall, detection and reset
    time), optionally next to a static error-rate threshold (`compare_error_rate` over
    `compare_window_minutes`) with the share of pages the policy would remove.
    The objective is the service's SLO, else 99.9 % over 28 days (`objective.source`).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 7.
        compare_error_rate (float | Unset):
        compare_window_minutes (int | Unset):  Default: 5.
        min_events (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SloAnalysis]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        days=days,
        compare_error_rate=compare_error_rate,
        compare_window_minutes=compare_window_minutes,
        min_events=min_events,
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
    days: int | Unset = 7,
    compare_error_rate: float | Unset = UNSET,
    compare_window_minutes: int | Unset = 5,
    min_events: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | SloAnalysis | None:
    """Analyse a service's SLO over its recent history

     Reads the service's SLI samples (placed at the minute of their timestamp) and deployments of the
    last `days` days and answers: the budget left over the period, the burn rate now over 5 min, 30 min,
    1 h, 6 h and 3 d, whether each rule of the Workbook's multi-window, multi-burn-rate policy fires
    now,
    the significant budget burns (runs burning above budget that spent at least 2 % of the window's
    budget), regressions (change points where the error rate at least doubled above the allowance)
    attributed to the deployment just before them, and a backtest: the Workbook policy replayed over
    the period and scored against the significant burns (pages, precision, recall, detection and reset
    time), optionally next to a static error-rate threshold (`compare_error_rate` over
    `compare_window_minutes`) with the share of pages the policy would remove.
    The objective is the service's SLO, else 99.9 % over 28 days (`objective.source`).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 7.
        compare_error_rate (float | Unset):
        compare_window_minutes (int | Unset):  Default: 5.
        min_events (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SloAnalysis
    """

    return sync_detailed(
        tenant_id=tenant_id,
        service_id=service_id,
        client=client,
        days=days,
        compare_error_rate=compare_error_rate,
        compare_window_minutes=compare_window_minutes,
        min_events=min_events,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    days: int | Unset = 7,
    compare_error_rate: float | Unset = UNSET,
    compare_window_minutes: int | Unset = 5,
    min_events: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[Problem | SloAnalysis]:
    """Analyse a service's SLO over its recent history

     Reads the service's SLI samples (placed at the minute of their timestamp) and deployments of the
    last `days` days and answers: the budget left over the period, the burn rate now over 5 min, 30 min,
    1 h, 6 h and 3 d, whether each rule of the Workbook's multi-window, multi-burn-rate policy fires
    now,
    the significant budget burns (runs burning above budget that spent at least 2 % of the window's
    budget), regressions (change points where the error rate at least doubled above the allowance)
    attributed to the deployment just before them, and a backtest: the Workbook policy replayed over
    the period and scored against the significant burns (pages, precision, recall, detection and reset
    time), optionally next to a static error-rate threshold (`compare_error_rate` over
    `compare_window_minutes`) with the share of pages the policy would remove.
    The objective is the service's SLO, else 99.9 % over 28 days (`objective.source`).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 7.
        compare_error_rate (float | Unset):
        compare_window_minutes (int | Unset):  Default: 5.
        min_events (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SloAnalysis]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        days=days,
        compare_error_rate=compare_error_rate,
        compare_window_minutes=compare_window_minutes,
        min_events=min_events,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    days: int | Unset = 7,
    compare_error_rate: float | Unset = UNSET,
    compare_window_minutes: int | Unset = 5,
    min_events: int | Unset = 0,
    x_company_os_purpose: str | Unset = UNSET,
) -> Problem | SloAnalysis | None:
    """Analyse a service's SLO over its recent history

     Reads the service's SLI samples (placed at the minute of their timestamp) and deployments of the
    last `days` days and answers: the budget left over the period, the burn rate now over 5 min, 30 min,
    1 h, 6 h and 3 d, whether each rule of the Workbook's multi-window, multi-burn-rate policy fires
    now,
    the significant budget burns (runs burning above budget that spent at least 2 % of the window's
    budget), regressions (change points where the error rate at least doubled above the allowance)
    attributed to the deployment just before them, and a backtest: the Workbook policy replayed over
    the period and scored against the significant burns (pages, precision, recall, detection and reset
    time), optionally next to a static error-rate threshold (`compare_error_rate` over
    `compare_window_minutes`) with the share of pages the policy would remove.
    The objective is the service's SLO, else 99.9 % over 28 days (`objective.source`).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 7.
        compare_error_rate (float | Unset):
        compare_window_minutes (int | Unset):  Default: 5.
        min_events (int | Unset):  Default: 0.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SloAnalysis
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            service_id=service_id,
            client=client,
            days=days,
            compare_error_rate=compare_error_rate,
            compare_window_minutes=compare_window_minutes,
            min_events=min_events,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
