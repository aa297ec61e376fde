from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_sync_result import AnalyticsSyncResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/analytics/ops-sync".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsSyncResult | Problem | None:
    if response.status_code == 200:
        response_200 = AnalyticsSyncResult.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AnalyticsSyncResult | Problem]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsSyncResult | Problem]:
    """Feed new ops records into the analytics store

     Copies the tenant's audit events, policy decisions, finished deployments, incidents, alerts and SLI
    samples recorded since the last sync (at most the ingest window back) into the analytics store as
    ops events, and experiment exposures as `Experiment Exposed` product events (the subject
    pseudonymised like an ingested `user_id`). Idempotent: each record is copied once.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsSyncResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsSyncResult | Problem | None:
    """Feed new ops records into the analytics store

     Copies the tenant's audit events, policy decisions, finished deployments, incidents, alerts and SLI
    samples recorded since the last sync (at most the ingest window back) into the analytics store as
    ops events, and experiment exposures as `Experiment Exposed` product events (the subject
    pseudonymised like an ingested `user_id`). Idempotent: each record is copied once.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsSyncResult | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsSyncResult | Problem]:
    """Feed new ops records into the analytics store

     Copies the tenant's audit events, policy decisions, finished deployments, incidents, alerts and SLI
    samples recorded since the last sync (at most the ingest window back) into the analytics store as
    ops events, and experiment exposures as `Experiment Exposed` product events (the subject
    pseudonymised like an ingested `user_id`). Idempotent: each record is copied once.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsSyncResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsSyncResult | Problem | None:
    """Feed new ops records into the analytics store

     Copies the tenant's audit events, policy decisions, finished deployments, incidents, alerts and SLI
    samples recorded since the last sync (at most the ingest window back) into the analytics store as
    ops events, and experiment exposures as `Experiment Exposed` product events (the subject
    pseudonymised like an ingested `user_id`). Idempotent: each record is copied once.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsSyncResult | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
