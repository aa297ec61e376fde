from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    tenant_id: str,
    analytics_export_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/analytics/exports/{analytics_export_id}/pack".format(
            tenant_id=quote(str(tenant_id), safe=""),
            analytics_export_id=quote(str(analytics_export_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    analytics_export_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[File | Problem]:
    """Download a report export's pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the data file and `export.json`). Verify it offline with `companyos export verify PACK`. 409 while
    the export's job has not finished.

    Args:
        tenant_id (str):  Example: acme.
        analytics_export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        analytics_export_id=analytics_export_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    analytics_export_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> File | Problem | None:
    """Download a report export's pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the data file and `export.json`). Verify it offline with `companyos export verify PACK`. 409 while
    the export's job has not finished.

    Args:
        tenant_id (str):  Example: acme.
        analytics_export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        analytics_export_id=analytics_export_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    analytics_export_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[File | Problem]:
    """Download a report export's pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the data file and `export.json`). Verify it offline with `companyos export verify PACK`. 409 while
    the export's job has not finished.

    Args:
        tenant_id (str):  Example: acme.
        analytics_export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        analytics_export_id=analytics_export_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    analytics_export_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> File | Problem | None:
    """Download a report export's pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the data file and `export.json`). Verify it offline with `companyos export verify PACK`. 409 while
    the export's job has not finished.

    Args:
        tenant_id (str):  Example: acme.
        analytics_export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            analytics_export_id=analytics_export_id,
            client=client,
        )
    ).parsed
