from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_import import DatasetImport
from ...models.dataset_import_create import DatasetImportCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    dataset_id: str,
    *,
    body: DatasetImportCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/datasets/{dataset_id}/imports".format(
            tenant_id=quote(str(tenant_id), safe=""),
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetImport | Problem | None:
    if response.status_code == 201:
        response_201 = DatasetImport.from_dict(response.json())

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
) -> Response[DatasetImport | Problem]:
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
    body: DatasetImportCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetImport | Problem]:
    """Open an import

     Opens an import from its manifest: the format (`csv`, `ndjson`, `parquet`), compression (`none`,
    `gzip`), encoding, CSV options, and the files with their SHA-256, size and (optionally) row count.
    Then upload each file in parts and start the import. A file with a `staging_path` is read from the
    tenant's staging area at pre-flight instead (nothing to upload; a part sent for it is a 409).

    File names are unique within the manifest and `csv.quote_char` differs from `csv.delimiter`: a body
    breaking either rule is a conflict (409, `conflict`, with an `errors` entry per offending value).

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetImportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImport | Problem]
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
    body: DatasetImportCreate,
    idempotency_key: str | Unset = UNSET,
) -> DatasetImport | Problem | None:
    """Open an import

     Opens an import from its manifest: the format (`csv`, `ndjson`, `parquet`), compression (`none`,
    `gzip`), encoding, CSV options, and the files with their SHA-256, size and (optionally) row count.
    Then upload each file in parts and start the import. A file with a `staging_path` is read from the
    tenant's staging area at pre-flight instead (nothing to upload; a part sent for it is a 409).

    File names are unique within the manifest and `csv.quote_char` differs from `csv.delimiter`: a body
    breaking either rule is a conflict (409, `conflict`, with an `errors` entry per offending value).

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetImportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImport | Problem
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
    body: DatasetImportCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[DatasetImport | Problem]:
    """Open an import

     Opens an import from its manifest: the format (`csv`, `ndjson`, `parquet`), compression (`none`,
    `gzip`), encoding, CSV options, and the files with their SHA-256, size and (optionally) row count.
    Then upload each file in parts and start the import. A file with a `staging_path` is read from the
    tenant's staging area at pre-flight instead (nothing to upload; a part sent for it is a 409).

    File names are unique within the manifest and `csv.quote_char` differs from `csv.delimiter`: a body
    breaking either rule is a conflict (409, `conflict`, with an `errors` entry per offending value).

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetImportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImport | Problem]
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
    body: DatasetImportCreate,
    idempotency_key: str | Unset = UNSET,
) -> DatasetImport | Problem | None:
    """Open an import

     Opens an import from its manifest: the format (`csv`, `ndjson`, `parquet`), compression (`none`,
    `gzip`), encoding, CSV options, and the files with their SHA-256, size and (optionally) row count.
    Then upload each file in parts and start the import. A file with a `staging_path` is read from the
    tenant's staging area at pre-flight instead (nothing to upload; a part sent for it is a 409).

    File names are unique within the manifest and `csv.quote_char` differs from `csv.delimiter`: a body
    breaking either rule is a conflict (409, `conflict`, with an `errors` entry per offending value).

    Args:
        tenant_id (str):  Example: acme.
        dataset_id (str):
        idempotency_key (str | Unset):
        body (DatasetImportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImport | Problem
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
