from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    tenant_id: str,
    export_id: str,
    *,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/exports/{export_id}/pack".format(
            tenant_id=quote(str(tenant_id), safe=""),
            export_id=quote(str(export_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
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
    export_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[File | Problem]:
    """Download an export pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the Parquet files and `export.json`). Verify it offline with `companyos export verify PACK`.

    Args:
        tenant_id (str):  Example: acme.
        export_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        export_id=export_id,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> File | Problem | None:
    """Download an export pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the Parquet files and `export.json`). Verify it offline with `companyos export verify PACK`.

    Args:
        tenant_id (str):  Example: acme.
        export_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        export_id=export_id,
        client=client,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[File | Problem]:
    """Download an export pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the Parquet files and `export.json`). Verify it offline with `companyos export verify PACK`.

    Args:
        tenant_id (str):  Example: acme.
        export_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        export_id=export_id,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
) -> File | Problem | None:
    """Download an export pack

     The signed pack (`.tar.gz`: `manifest.json`, `manifest.sig`, `public_key.pem`, `items/<sha256>` —
    the Parquet files and `export.json`). Verify it offline with `companyos export verify PACK`.

    Args:
        tenant_id (str):  Example: acme.
        export_id (str):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            export_id=export_id,
            client=client,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
