from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.security_event_batch import SecurityEventBatch
from ...models.security_ingest_result import SecurityIngestResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: SecurityEventBatch,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/security-events/bulk".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecurityIngestResult | None:
    if response.status_code == 200:
        response_200 = SecurityIngestResult.from_dict(response.json())

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
) -> Response[Problem | SecurityIngestResult]:
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
    body: SecurityEventBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SecurityIngestResult]:
    """Ingest security events in bulk (infra and network logs)

     Send `events` (a list) or `ndjson` (newline-delimited JSON text, one event a line), at most 5,000.
    Each event is validated on its own: valid events are stored and evaluated against the tenant's
    enabled rules at once; each invalid one is reported in `errors` with its index and field problems
    (nothing is dropped silently). The path's tenant always wins: an event naming another `tenant_id`
    is stored in this tenant, marked `claimed_tenant`, and counted in `tenant_mismatches`. Each tenant
    has an event budget (`COMPANYOS_SECOPS_INGEST_RATE` events per second, 60 s burst): over it the
    whole batch is refused with 429 and `Retry-After`, and nothing of it is stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SecurityEventBatch): Exactly one of `events` and `ndjson`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityIngestResult]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
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
    body: SecurityEventBatch,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SecurityIngestResult | None:
    """Ingest security events in bulk (infra and network logs)

     Send `events` (a list) or `ndjson` (newline-delimited JSON text, one event a line), at most 5,000.
    Each event is validated on its own: valid events are stored and evaluated against the tenant's
    enabled rules at once; each invalid one is reported in `errors` with its index and field problems
    (nothing is dropped silently). The path's tenant always wins: an event naming another `tenant_id`
    is stored in this tenant, marked `claimed_tenant`, and counted in `tenant_mismatches`. Each tenant
    has an event budget (`COMPANYOS_SECOPS_INGEST_RATE` events per second, 60 s burst): over it the
    whole batch is refused with 429 and `Retry-After`, and nothing of it is stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SecurityEventBatch): Exactly one of `events` and `ndjson`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityIngestResult
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SecurityEventBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SecurityIngestResult]:
    """Ingest security events in bulk (infra and network logs)

     Send `events` (a list) or `ndjson` (newline-delimited JSON text, one event a line), at most 5,000.
    Each event is validated on its own: valid events are stored and evaluated against the tenant's
    enabled rules at once; each invalid one is reported in `errors` with its index and field problems
    (nothing is dropped silently). The path's tenant always wins: an event naming another `tenant_id`
    is stored in this tenant, marked `claimed_tenant`, and counted in `tenant_mismatches`. Each tenant
    has an event budget (`COMPANYOS_SECOPS_INGEST_RATE` events per second, 60 s burst): over it the
    whole batch is refused with 429 and `Retry-After`, and nothing of it is stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SecurityEventBatch): Exactly one of `events` and `ndjson`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityIngestResult]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SecurityEventBatch,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SecurityIngestResult | None:
    """Ingest security events in bulk (infra and network logs)

     Send `events` (a list) or `ndjson` (newline-delimited JSON text, one event a line), at most 5,000.
    Each event is validated on its own: valid events are stored and evaluated against the tenant's
    enabled rules at once; each invalid one is reported in `errors` with its index and field problems
    (nothing is dropped silently). The path's tenant always wins: an event naming another `tenant_id`
    is stored in this tenant, marked `claimed_tenant`, and counted in `tenant_mismatches`. Each tenant
    has an event budget (`COMPANYOS_SECOPS_INGEST_RATE` events per second, 60 s burst): over it the
    whole batch is refused with 429 and `Retry-After`, and nothing of it is stored.

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SecurityEventBatch): Exactly one of `events` and `ndjson`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityIngestResult
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
