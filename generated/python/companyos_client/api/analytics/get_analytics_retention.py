import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_report import AnalyticsReport
from ...models.get_analytics_retention_breakdown import GetAnalyticsRetentionBreakdown
from ...models.get_analytics_retention_mode import GetAnalyticsRetentionMode
from ...models.get_analytics_retention_source import GetAnalyticsRetentionSource
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    start_event: str,
    return_event: str,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    period_days: int | Unset = 1,
    periods: int | Unset = 7,
    mode: GetAnalyticsRetentionMode | Unset = GetAnalyticsRetentionMode.N_DAY,
    breakdown: GetAnalyticsRetentionBreakdown | Unset = UNSET,
    source: GetAnalyticsRetentionSource | Unset = GetAnalyticsRetentionSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    params["start_event"] = start_event

    params["return_event"] = return_event

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["period_days"] = period_days

    params["periods"] = periods

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    json_breakdown: str | Unset = UNSET
    if not isinstance(breakdown, Unset):
        json_breakdown = breakdown.value

    params["breakdown"] = json_breakdown

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/analytics/reports/retention".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsReport | Problem | None:
    if response.status_code == 200:
        response_200 = AnalyticsReport.from_dict(response.json())

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
) -> Response[AnalyticsReport | Problem]:
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
    start_event: str,
    return_event: str,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    period_days: int | Unset = 1,
    periods: int | Unset = 7,
    mode: GetAnalyticsRetentionMode | Unset = GetAnalyticsRetentionMode.N_DAY,
    breakdown: GetAnalyticsRetentionBreakdown | Unset = UNSET,
    source: GetAnalyticsRetentionSource | Unset = GetAnalyticsRetentionSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[AnalyticsReport | Problem]:
    """Cohort retention

     Cohorts by the day of each user's first `start_event` in [since, until]; period k covers days [first
    + k·period_days, first + (k+1)·period_days). `n_day`: returned (`return_event`) in period k;
    `unbounded`: in period k or later; `cumulative`: in any period 1..k. Any window, any number of
    periods; optional breakdown.

    Args:
        tenant_id (str):  Example: acme.
        start_event (str):
        return_event (str):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        period_days (int | Unset):  Default: 1.
        periods (int | Unset):  Default: 7.
        mode (GetAnalyticsRetentionMode | Unset):  Default: GetAnalyticsRetentionMode.N_DAY.
        breakdown (GetAnalyticsRetentionBreakdown | Unset):
        source (GetAnalyticsRetentionSource | Unset):  Default:
            GetAnalyticsRetentionSource.MATERIALIZED.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsReport | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        start_event=start_event,
        return_event=return_event,
        since=since,
        until=until,
        period_days=period_days,
        periods=periods,
        mode=mode,
        breakdown=breakdown,
        source=source,
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
    start_event: str,
    return_event: str,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    period_days: int | Unset = 1,
    periods: int | Unset = 7,
    mode: GetAnalyticsRetentionMode | Unset = GetAnalyticsRetentionMode.N_DAY,
    breakdown: GetAnalyticsRetentionBreakdown | Unset = UNSET,
    source: GetAnalyticsRetentionSource | Unset = GetAnalyticsRetentionSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> AnalyticsReport | Problem | None:
    """Cohort retention

     Cohorts by the day of each user's first `start_event` in [since, until]; period k covers days [first
    + k·period_days, first + (k+1)·period_days). `n_day`: returned (`return_event`) in period k;
    `unbounded`: in period k or later; `cumulative`: in any period 1..k. Any window, any number of
    periods; optional breakdown.

    Args:
        tenant_id (str):  Example: acme.
        start_event (str):
        return_event (str):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        period_days (int | Unset):  Default: 1.
        periods (int | Unset):  Default: 7.
        mode (GetAnalyticsRetentionMode | Unset):  Default: GetAnalyticsRetentionMode.N_DAY.
        breakdown (GetAnalyticsRetentionBreakdown | Unset):
        source (GetAnalyticsRetentionSource | Unset):  Default:
            GetAnalyticsRetentionSource.MATERIALIZED.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsReport | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        start_event=start_event,
        return_event=return_event,
        since=since,
        until=until,
        period_days=period_days,
        periods=periods,
        mode=mode,
        breakdown=breakdown,
        source=source,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    start_event: str,
    return_event: str,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    period_days: int | Unset = 1,
    periods: int | Unset = 7,
    mode: GetAnalyticsRetentionMode | Unset = GetAnalyticsRetentionMode.N_DAY,
    breakdown: GetAnalyticsRetentionBreakdown | Unset = UNSET,
    source: GetAnalyticsRetentionSource | Unset = GetAnalyticsRetentionSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[AnalyticsReport | Problem]:
    """Cohort retention

     Cohorts by the day of each user's first `start_event` in [since, until]; period k covers days [first
    + k·period_days, first + (k+1)·period_days). `n_day`: returned (`return_event`) in period k;
    `unbounded`: in period k or later; `cumulative`: in any period 1..k. Any window, any number of
    periods; optional breakdown.

    Args:
        tenant_id (str):  Example: acme.
        start_event (str):
        return_event (str):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        period_days (int | Unset):  Default: 1.
        periods (int | Unset):  Default: 7.
        mode (GetAnalyticsRetentionMode | Unset):  Default: GetAnalyticsRetentionMode.N_DAY.
        breakdown (GetAnalyticsRetentionBreakdown | Unset):
        source (GetAnalyticsRetentionSource | Unset):  Default:
            GetAnalyticsRetentionSource.MATERIALIZED.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsReport | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        start_event=start_event,
        return_event=return_event,
        since=since,
        until=until,
        period_days=period_days,
        periods=periods,
        mode=mode,
        breakdown=breakdown,
        source=source,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    start_event: str,
    return_event: str,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,
    period_days: int | Unset = 1,
    periods: int | Unset = 7,
    mode: GetAnalyticsRetentionMode | Unset = GetAnalyticsRetentionMode.N_DAY,
    breakdown: GetAnalyticsRetentionBreakdown | Unset = UNSET,
    source: GetAnalyticsRetentionSource | Unset = GetAnalyticsRetentionSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> AnalyticsReport | Problem | None:
    """Cohort retention

     Cohorts by the day of each user's first `start_event` in [since, until]; period k covers days [first
    + k·period_days, first + (k+1)·period_days). `n_day`: returned (`return_event`) in period k;
    `unbounded`: in period k or later; `cumulative`: in any period 1..k. Any window, any number of
    periods; optional breakdown.

    Args:
        tenant_id (str):  Example: acme.
        start_event (str):
        return_event (str):
        since (datetime.date | Unset):
        until (datetime.date | Unset):
        period_days (int | Unset):  Default: 1.
        periods (int | Unset):  Default: 7.
        mode (GetAnalyticsRetentionMode | Unset):  Default: GetAnalyticsRetentionMode.N_DAY.
        breakdown (GetAnalyticsRetentionBreakdown | Unset):
        source (GetAnalyticsRetentionSource | Unset):  Default:
            GetAnalyticsRetentionSource.MATERIALIZED.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsReport | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            start_event=start_event,
            return_event=return_event,
            since=since,
            until=until,
            period_days=period_days,
            periods=periods,
            mode=mode,
            breakdown=breakdown,
            source=source,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
