from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slo_recommendation_list import SloRecommendationList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    service_id: str,
    *,
    days: int | Unset = 30,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["days"] = days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/services/{service_id}/slo-recommendations".format(
            tenant_id=quote(str(tenant_id), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SloRecommendationList | None:
    if response.status_code == 200:
        response_200 = SloRecommendationList.from_dict(response.json())

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
) -> Response[Problem | SloRecommendationList]:
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
    days: int | Unset = 30,
) -> Response[Problem | SloRecommendationList]:
    """Recommendations for a service's SLOs, each proven by backtest

     For each SLO (the embedded one when the service has none), the last `days` days are replayed under
    the SLO's current `alerting` and under each proposal, scored against the same significant budget
    burns: `expected_impact` gives pages before/after and significant burns missed before/after (and
    the budget a rollback, capacity or upstream remedy would have saved). Kinds: `burn_rate_policy`,
    `threshold_tuning` (loosen or tighten), `rollback` (a regression still in place; linking the
    deployment and the Maestro plan running `deployment.rollback`), `capacity`, `circuit_breaker` /
    `hedging` (replayed on a counterfactual history), `runbook`. An id is stable for the same history
    and proposal (for capacity and upstream remedies, one per SLO).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SloRecommendationList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        days=days,
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
    days: int | Unset = 30,
) -> Problem | SloRecommendationList | None:
    """Recommendations for a service's SLOs, each proven by backtest

     For each SLO (the embedded one when the service has none), the last `days` days are replayed under
    the SLO's current `alerting` and under each proposal, scored against the same significant budget
    burns: `expected_impact` gives pages before/after and significant burns missed before/after (and
    the budget a rollback, capacity or upstream remedy would have saved). Kinds: `burn_rate_policy`,
    `threshold_tuning` (loosen or tighten), `rollback` (a regression still in place; linking the
    deployment and the Maestro plan running `deployment.rollback`), `capacity`, `circuit_breaker` /
    `hedging` (replayed on a counterfactual history), `runbook`. An id is stable for the same history
    and proposal (for capacity and upstream remedies, one per SLO).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SloRecommendationList
    """

    return sync_detailed(
        tenant_id=tenant_id,
        service_id=service_id,
        client=client,
        days=days,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    days: int | Unset = 30,
) -> Response[Problem | SloRecommendationList]:
    """Recommendations for a service's SLOs, each proven by backtest

     For each SLO (the embedded one when the service has none), the last `days` days are replayed under
    the SLO's current `alerting` and under each proposal, scored against the same significant budget
    burns: `expected_impact` gives pages before/after and significant burns missed before/after (and
    the budget a rollback, capacity or upstream remedy would have saved). Kinds: `burn_rate_policy`,
    `threshold_tuning` (loosen or tighten), `rollback` (a regression still in place; linking the
    deployment and the Maestro plan running `deployment.rollback`), `capacity`, `circuit_breaker` /
    `hedging` (replayed on a counterfactual history), `runbook`. An id is stable for the same history
    and proposal (for capacity and upstream remedies, one per SLO).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SloRecommendationList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        service_id=service_id,
        days=days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    service_id: str,
    *,
    client: AuthenticatedClient | Client,
    days: int | Unset = 30,
) -> Problem | SloRecommendationList | None:
    """Recommendations for a service's SLOs, each proven by backtest

     For each SLO (the embedded one when the service has none), the last `days` days are replayed under
    the SLO's current `alerting` and under each proposal, scored against the same significant budget
    burns: `expected_impact` gives pages before/after and significant burns missed before/after (and
    the budget a rollback, capacity or upstream remedy would have saved). Kinds: `burn_rate_policy`,
    `threshold_tuning` (loosen or tighten), `rollback` (a regression still in place; linking the
    deployment and the Maestro plan running `deployment.rollback`), `capacity`, `circuit_breaker` /
    `hedging` (replayed on a counterfactual history), `runbook`. An id is stable for the same history
    and proposal (for capacity and upstream remedies, one per SLO).

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SloRecommendationList
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            service_id=service_id,
            client=client,
            days=days,
        )
    ).parsed
