from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_import_part import DatasetImportPart
from ...models.problem import Problem
from ...types import UNSET, File, Response


def _get_kwargs(
    tenant_id: str,
    import_id: str,
    file_name: str,
    part_number: int,
    *,
    body: File,
    sha256: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["sha256"] = sha256

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/tenants/{tenant_id}/imports/{import_id}/files/{file_name}/parts/{part_number}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            import_id=quote(str(import_id), safe=""),
            file_name=quote(str(file_name), safe=""),
            part_number=quote(str(part_number), safe=""),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetImportPart | Problem | None:
    if response.status_code == 200:
        response_200 = DatasetImportPart.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DatasetImportPart | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    import_id: str,
    file_name: str,
    part_number: int,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    sha256: str,
) -> Response[DatasetImportPart | Problem]:
    """Upload a part of a file

     One part (at most 8 MiB) with its SHA-256 in `sha256`. A wrong digest is refused (422) and nothing
    is kept; the same part sent again (a dropped connection) is accepted once (`duplicate: true`); the
    same part number with other content is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        file_name (str):
        part_number (int):
        sha256 (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportPart | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        import_id=import_id,
        file_name=file_name,
        part_number=part_number,
        body=body,
        sha256=sha256,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    import_id: str,
    file_name: str,
    part_number: int,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    sha256: str,
) -> DatasetImportPart | Problem | None:
    """Upload a part of a file

     One part (at most 8 MiB) with its SHA-256 in `sha256`. A wrong digest is refused (422) and nothing
    is kept; the same part sent again (a dropped connection) is accepted once (`duplicate: true`); the
    same part number with other content is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        file_name (str):
        part_number (int):
        sha256 (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportPart | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        import_id=import_id,
        file_name=file_name,
        part_number=part_number,
        client=client,
        body=body,
        sha256=sha256,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    import_id: str,
    file_name: str,
    part_number: int,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    sha256: str,
) -> Response[DatasetImportPart | Problem]:
    """Upload a part of a file

     One part (at most 8 MiB) with its SHA-256 in `sha256`. A wrong digest is refused (422) and nothing
    is kept; the same part sent again (a dropped connection) is accepted once (`duplicate: true`); the
    same part number with other content is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        file_name (str):
        part_number (int):
        sha256 (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportPart | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        import_id=import_id,
        file_name=file_name,
        part_number=part_number,
        body=body,
        sha256=sha256,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    import_id: str,
    file_name: str,
    part_number: int,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    sha256: str,
) -> DatasetImportPart | Problem | None:
    """Upload a part of a file

     One part (at most 8 MiB) with its SHA-256 in `sha256`. A wrong digest is refused (422) and nothing
    is kept; the same part sent again (a dropped connection) is accepted once (`duplicate: true`); the
    same part number with other content is a conflict (409).

    Args:
        tenant_id (str):  Example: acme.
        import_id (str):
        file_name (str):
        part_number (int):
        sha256 (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportPart | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            import_id=import_id,
            file_name=file_name,
            part_number=part_number,
            client=client,
            body=body,
            sha256=sha256,
        )
    ).parsed
