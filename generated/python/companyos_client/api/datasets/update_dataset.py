from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset import Dataset
from ...models.dataset_update import DatasetUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    dataset_id: str,
    *,
    body: DatasetUpdate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/tenants/{tenant_id}/datasets/{dataset_id}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Dataset | Problem | None:
    if response.status_code == 200:
        response_200 = Dataset.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Dataset | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    dataset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Dataset | Problem]:
    """Evolve a dataset's schema

     Changes the description and, with `fields`, the schema: the same fields in the same order, each
    keeping its name and type, may change `classification`, become nullable and widen or drop
    `max_length`. Those are the fixes that let quarantined rows through on a retry (a field holding
    e-mail addresses reclassified `pii`, a longer limit). Renaming, retyping, removing, adding or
    reordering fields, making a field required or narrowing `max_length` would not describe the rows
    already written: each is a conflict (409) with an `errors` entry per field, and nothing changes.

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        dataset_id=dataset_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    dataset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
    idempotency_key: str | Unset = UNSET,
) -> Dataset | Problem | None:
    """Evolve a dataset's schema

     Changes the description and, with `fields`, the schema: the same fields in the same order, each
    keeping its name and type, may change `classification`, become nullable and widen or drop
    `max_length`. Those are the fixes that let quarantined rows through on a retry (a field holding
    e-mail addresses reclassified `pii`, a longer limit). Renaming, retyping, removing, adding or
    reordering fields, making a field required or narrowing `max_length` would not describe the rows
    already written: each is a conflict (409) with an `errors` entry per field, and nothing changes.

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        dataset_id=dataset_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    dataset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Dataset | Problem]:
    """Evolve a dataset's schema

     Changes the description and, with `fields`, the schema: the same fields in the same order, each
    keeping its name and type, may change `classification`, become nullable and widen or drop
    `max_length`. Those are the fixes that let quarantined rows through on a retry (a field holding
    e-mail addresses reclassified `pii`, a longer limit). Renaming, retyping, removing, adding or
    reordering fields, making a field required or narrowing `max_length` would not describe the rows
    already written: each is a conflict (409) with an `errors` entry per field, and nothing changes.

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        dataset_id=dataset_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    dataset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
    idempotency_key: str | Unset = UNSET,
) -> Dataset | Problem | None:
    """Evolve a dataset's schema

     Changes the description and, with `fields`, the schema: the same fields in the same order, each
    keeping its name and type, may change `classification`, become nullable and widen or drop
    `max_length`. Those are the fixes that let quarantined rows through on a retry (a field holding
    e-mail addresses reclassified `pii`, a longer limit). Renaming, retyping, removing, adding or
    reordering fields, making a field required or narrowing `max_length` would not describe the rows
    already written: each is a conflict (409) with an `errors` entry per field, and nothing changes.

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            dataset_id=dataset_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
