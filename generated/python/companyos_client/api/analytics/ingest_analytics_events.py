from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_event_batch import AnalyticsEventBatch
from ...models.analytics_ingest_result import AnalyticsIngestResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: AnalyticsEventBatch,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/analytics/events".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsIngestResult | Problem | None:
    if response.status_code == 200:
        response_200 = AnalyticsIngestResult.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AnalyticsIngestResult | Problem]:
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
    body: AnalyticsEventBatch,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsIngestResult | Problem]:
    """Ingest a batch of events

     Up to 1,000 self-describing events (each names its `schema` and `version`). Accepted event by
    event: valid events are stored, each invalid one is listed in `errors` with codes such as
    `unknown_schema`, `unknown_version`, `missing_property`, `unknown_property`, `from_future`,
    `too_old` (older than `COMPANYOS_ANALYTICS_MAX_EVENT_AGE_DAYS`, default 30), `tenant_mismatch`,
    `consent_denied` and `consent_missing`. User ids are replaced by an HMAC with the tenant's key,
    events are enriched with the caller's role (unless `user_role` is given) and the tenant's flag
    states
    in the event's environment, and stored in the partition of the tenant's residency (`partition`).
    With `dry_run=true` the batch is validated and routed but nothing is stored.

    Args:
        tenant_id (str):  Example: acme.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (AnalyticsEventBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsIngestResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
        dry_run=dry_run,
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
    body: AnalyticsEventBatch,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsIngestResult | Problem | None:
    """Ingest a batch of events

     Up to 1,000 self-describing events (each names its `schema` and `version`). Accepted event by
    event: valid events are stored, each invalid one is listed in `errors` with codes such as
    `unknown_schema`, `unknown_version`, `missing_property`, `unknown_property`, `from_future`,
    `too_old` (older than `COMPANYOS_ANALYTICS_MAX_EVENT_AGE_DAYS`, default 30), `tenant_mismatch`,
    `consent_denied` and `consent_missing`. User ids are replaced by an HMAC with the tenant's key,
    events are enriched with the caller's role (unless `user_role` is given) and the tenant's flag
    states
    in the event's environment, and stored in the partition of the tenant's residency (`partition`).
    With `dry_run=true` the batch is validated and routed but nothing is stored.

    Args:
        tenant_id (str):  Example: acme.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (AnalyticsEventBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsIngestResult | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnalyticsEventBatch,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[AnalyticsIngestResult | Problem]:
    """Ingest a batch of events

     Up to 1,000 self-describing events (each names its `schema` and `version`). Accepted event by
    event: valid events are stored, each invalid one is listed in `errors` with codes such as
    `unknown_schema`, `unknown_version`, `missing_property`, `unknown_property`, `from_future`,
    `too_old` (older than `COMPANYOS_ANALYTICS_MAX_EVENT_AGE_DAYS`, default 30), `tenant_mismatch`,
    `consent_denied` and `consent_missing`. User ids are replaced by an HMAC with the tenant's key,
    events are enriched with the caller's role (unless `user_role` is given) and the tenant's flag
    states
    in the event's environment, and stored in the partition of the tenant's residency (`partition`).
    With `dry_run=true` the batch is validated and routed but nothing is stored.

    Args:
        tenant_id (str):  Example: acme.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (AnalyticsEventBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsIngestResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnalyticsEventBatch,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> AnalyticsIngestResult | Problem | None:
    """Ingest a batch of events

     Up to 1,000 self-describing events (each names its `schema` and `version`). Accepted event by
    event: valid events are stored, each invalid one is listed in `errors` with codes such as
    `unknown_schema`, `unknown_version`, `missing_property`, `unknown_property`, `from_future`,
    `too_old` (older than `COMPANYOS_ANALYTICS_MAX_EVENT_AGE_DAYS`, default 30), `tenant_mismatch`,
    `consent_denied` and `consent_missing`. User ids are replaced by an HMAC with the tenant's key,
    events are enriched with the caller's role (unless `user_role` is given) and the tenant's flag
    states
    in the event's environment, and stored in the partition of the tenant's residency (`partition`).
    With `dry_run=true` the batch is validated and routed but nothing is stored.

    Args:
        tenant_id (str):  Example: acme.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (AnalyticsEventBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsIngestResult | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
