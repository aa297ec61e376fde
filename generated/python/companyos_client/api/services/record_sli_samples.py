from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sli_sample_batch import SliSampleBatch
from ...models.sli_sample_batch_result import SliSampleBatchResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    service_id: str,
    *,
    body: SliSampleBatch,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/services/{service_id}/sli-samples".format(
            tenant_id=quote(str(tenant_id), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SliSampleBatchResult | None:
    if response.status_code == 200:
        response_200 = SliSampleBatchResult.from_dict(response.json())

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
) -> Response[Problem | SliSampleBatchResult]:
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
    body: SliSampleBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SliSampleBatchResult]:
    """Record SLI samples for a service

     Pushes measured SLI buckets (for example from a Prometheus recording rule: good and total
    requests per minute). A sample whose `ts` and labels the service already has replaces it, so
    re-sending a batch is harmless. Files of up to 100,000 samples go to `…/sli-samples/import`. `good`
    may not exceed `total` and no `ts` may lie more than 5 minutes in the
    future (400 with the offending fields; nothing of the batch is stored). The service's SLO summary
    and the post-action verification of Maestro runs read these samples.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SliSampleBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliSampleBatchResult]
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
    body: SliSampleBatch,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SliSampleBatchResult | None:
    """Record SLI samples for a service

     Pushes measured SLI buckets (for example from a Prometheus recording rule: good and total
    requests per minute). A sample whose `ts` and labels the service already has replaces it, so
    re-sending a batch is harmless. Files of up to 100,000 samples go to `…/sli-samples/import`. `good`
    may not exceed `total` and no `ts` may lie more than 5 minutes in the
    future (400 with the offending fields; nothing of the batch is stored). The service's SLO summary
    and the post-action verification of Maestro runs read these samples.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SliSampleBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliSampleBatchResult
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
    body: SliSampleBatch,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SliSampleBatchResult]:
    """Record SLI samples for a service

     Pushes measured SLI buckets (for example from a Prometheus recording rule: good and total
    requests per minute). A sample whose `ts` and labels the service already has replaces it, so
    re-sending a batch is harmless. Files of up to 100,000 samples go to `…/sli-samples/import`. `good`
    may not exceed `total` and no `ts` may lie more than 5 minutes in the
    future (400 with the offending fields; nothing of the batch is stored). The service's SLO summary
    and the post-action verification of Maestro runs read these samples.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SliSampleBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliSampleBatchResult]
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
    body: SliSampleBatch,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SliSampleBatchResult | None:
    """Record SLI samples for a service

     Pushes measured SLI buckets (for example from a Prometheus recording rule: good and total
    requests per minute). A sample whose `ts` and labels the service already has replaces it, so
    re-sending a batch is harmless. Files of up to 100,000 samples go to `…/sli-samples/import`. `good`
    may not exceed `total` and no `ts` may lie more than 5 minutes in the
    future (400 with the offending fields; nothing of the batch is stored). The service's SLO summary
    and the post-action verification of Maestro runs read these samples.

    Args:
        tenant_id (str):  Example: acme.
        service_id (str):
        idempotency_key (str | Unset):
        body (SliSampleBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliSampleBatchResult
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
