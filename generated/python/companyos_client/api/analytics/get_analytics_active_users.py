import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_report import AnalyticsReport
from ...models.get_analytics_active_users_client_type import GetAnalyticsActiveUsersClientType
from ...models.get_analytics_active_users_environment import GetAnalyticsActiveUsersEnvironment
from ...models.get_analytics_active_users_role import GetAnalyticsActiveUsersRole
from ...models.get_analytics_active_users_source import GetAnalyticsActiveUsersSource
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    days: int | Unset = 30,
    until: datetime.date | Unset = UNSET,
    feature: str | Unset = UNSET,
    compare_days: int | Unset = 7,
    environment: GetAnalyticsActiveUsersEnvironment | Unset = UNSET,
    client_type: GetAnalyticsActiveUsersClientType | Unset = UNSET,
    role: GetAnalyticsActiveUsersRole | Unset = UNSET,
    source: GetAnalyticsActiveUsersSource | Unset = GetAnalyticsActiveUsersSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    params["days"] = days

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["feature"] = feature

    params["compare_days"] = compare_days

    json_environment: str | Unset = UNSET
    if not isinstance(environment, Unset):
        json_environment = environment.value

    params["environment"] = json_environment

    json_client_type: str | Unset = UNSET
    if not isinstance(client_type, Unset):
        json_client_type = client_type.value

    params["client_type"] = json_client_type

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/analytics/reports/active-users".format(
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
    days: int | Unset = 30,
    until: datetime.date | Unset = UNSET,
    feature: str | Unset = UNSET,
    compare_days: int | Unset = 7,
    environment: GetAnalyticsActiveUsersEnvironment | Unset = UNSET,
    client_type: GetAnalyticsActiveUsersClientType | Unset = UNSET,
    role: GetAnalyticsActiveUsersRole | Unset = UNSET,
    source: GetAnalyticsActiveUsersSource | Unset = GetAnalyticsActiveUsersSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[AnalyticsReport | Problem]:
    """DAU, WAU, MAU and stickiness

     Per day of the window the distinct active users of that day (DAU), of the 7 days (WAU) and of the 30
    days (MAU) ending it, and stickiness (DAU / MAU); `deltas` compares the last day with `compare_days`
    before.

    Args:
        tenant_id (str):  Example: acme.
        days (int | Unset):  Default: 30.
        until (datetime.date | Unset):
        feature (str | Unset):
        compare_days (int | Unset):  Default: 7.
        environment (GetAnalyticsActiveUsersEnvironment | Unset):
        client_type (GetAnalyticsActiveUsersClientType | Unset):
        role (GetAnalyticsActiveUsersRole | Unset):
        source (GetAnalyticsActiveUsersSource | Unset):  Default:
            GetAnalyticsActiveUsersSource.MATERIALIZED.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsReport | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        days=days,
        until=until,
        feature=feature,
        compare_days=compare_days,
        environment=environment,
        client_type=client_type,
        role=role,
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
    days: int | Unset = 30,
    until: datetime.date | Unset = UNSET,
    feature: str | Unset = UNSET,
    compare_days: int | Unset = 7,
    environment: GetAnalyticsActiveUsersEnvironment | Unset = UNSET,
    client_type: GetAnalyticsActiveUsersClientType | Unset = UNSET,
    role: GetAnalyticsActiveUsersRole | Unset = UNSET,
    source: GetAnalyticsActiveUsersSource | Unset = GetAnalyticsActiveUsersSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> AnalyticsReport | Problem | None:
    """DAU, WAU, MAU and stickiness

     Per day of the window the distinct active users of that day (DAU), of the 7 days (WAU) and of the 30
    days (MAU) ending it, and stickiness (DAU / MAU); `deltas` compares the last day with `compare_days`
    before.

    Args:
        tenant_id (str):  Example: acme.
        days (int | Unset):  Default: 30.
        until (datetime.date | Unset):
        feature (str | Unset):
        compare_days (int | Unset):  Default: 7.
        environment (GetAnalyticsActiveUsersEnvironment | Unset):
        client_type (GetAnalyticsActiveUsersClientType | Unset):
        role (GetAnalyticsActiveUsersRole | Unset):
        source (GetAnalyticsActiveUsersSource | Unset):  Default:
            GetAnalyticsActiveUsersSource.MATERIALIZED.
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
        days=days,
        until=until,
        feature=feature,
        compare_days=compare_days,
        environment=environment,
        client_type=client_type,
        role=role,
        source=source,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    days: int | Unset = 30,
    until: datetime.date | Unset = UNSET,
    feature: str | Unset = UNSET,
    compare_days: int | Unset = 7,
    environment: GetAnalyticsActiveUsersEnvironment | Unset = UNSET,
    client_type: GetAnalyticsActiveUsersClientType | Unset = UNSET,
    role: GetAnalyticsActiveUsersRole | Unset = UNSET,
    source: GetAnalyticsActiveUsersSource | Unset = GetAnalyticsActiveUsersSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[AnalyticsReport | Problem]:
    """DAU, WAU, MAU and stickiness

     Per day of the window the distinct active users of that day (DAU), of the 7 days (WAU) and of the 30
    days (MAU) ending it, and stickiness (DAU / MAU); `deltas` compares the last day with `compare_days`
    before.

    Args:
        tenant_id (str):  Example: acme.
        days (int | Unset):  Default: 30.
        until (datetime.date | Unset):
        feature (str | Unset):
        compare_days (int | Unset):  Default: 7.
        environment (GetAnalyticsActiveUsersEnvironment | Unset):
        client_type (GetAnalyticsActiveUsersClientType | Unset):
        role (GetAnalyticsActiveUsersRole | Unset):
        source (GetAnalyticsActiveUsersSource | Unset):  Default:
            GetAnalyticsActiveUsersSource.MATERIALIZED.
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsReport | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        days=days,
        until=until,
        feature=feature,
        compare_days=compare_days,
        environment=environment,
        client_type=client_type,
        role=role,
        source=source,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    days: int | Unset = 30,
    until: datetime.date | Unset = UNSET,
    feature: str | Unset = UNSET,
    compare_days: int | Unset = 7,
    environment: GetAnalyticsActiveUsersEnvironment | Unset = UNSET,
    client_type: GetAnalyticsActiveUsersClientType | Unset = UNSET,
    role: GetAnalyticsActiveUsersRole | Unset = UNSET,
    source: GetAnalyticsActiveUsersSource | Unset = GetAnalyticsActiveUsersSource.MATERIALIZED,
    x_company_os_purpose: str | Unset = UNSET,
) -> AnalyticsReport | Problem | None:
    """DAU, WAU, MAU and stickiness

     Per day of the window the distinct active users of that day (DAU), of the 7 days (WAU) and of the 30
    days (MAU) ending it, and stickiness (DAU / MAU); `deltas` compares the last day with `compare_days`
    before.

    Args:
        tenant_id (str):  Example: acme.
        days (int | Unset):  Default: 30.
        until (datetime.date | Unset):
        feature (str | Unset):
        compare_days (int | Unset):  Default: 7.
        environment (GetAnalyticsActiveUsersEnvironment | Unset):
        client_type (GetAnalyticsActiveUsersClientType | Unset):
        role (GetAnalyticsActiveUsersRole | Unset):
        source (GetAnalyticsActiveUsersSource | Unset):  Default:
            GetAnalyticsActiveUsersSource.MATERIALIZED.
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
            days=days,
            until=until,
            feature=feature,
            compare_days=compare_days,
            environment=environment,
            client_type=client_type,
            role=role,
            source=source,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
