from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.flag_configuration import FlagConfiguration
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    x_company_os_purpose: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/flag-configuration".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FlagConfiguration | Problem | None:
    if response.status_code == 200:
        response_200 = FlagConfiguration.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | FlagConfiguration | Problem]:
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
    x_company_os_purpose: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FlagConfiguration | Problem]:
    """Get the flag configuration for in-process evaluation

     Every flag's definition (variants, rules with conditions, rollouts and splits, override) as the
    shared evaluator reads it, with an `ETag` (`If-None-Match` answers `304`). The Python SDK's
    OpenFeature provider caches it and evaluates locally with the same bucketing as the server.

    Args:
        tenant_id (str):  Example: acme.
        x_company_os_purpose (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FlagConfiguration | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        x_company_os_purpose=x_company_os_purpose,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | FlagConfiguration | Problem | None:
    """Get the flag configuration for in-process evaluation

     Every flag's definition (variants, rules with conditions, rollouts and splits, override) as the
    shared evaluator reads it, with an `ETag` (`If-None-Match` answers `304`). The Python SDK's
    OpenFeature provider caches it and evaluates locally with the same bucketing as the server.

    Args:
        tenant_id (str):  Example: acme.
        x_company_os_purpose (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FlagConfiguration | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        x_company_os_purpose=x_company_os_purpose,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FlagConfiguration | Problem]:
    """Get the flag configuration for in-process evaluation

     Every flag's definition (variants, rules with conditions, rollouts and splits, override) as the
    shared evaluator reads it, with an `ETag` (`If-None-Match` answers `304`). The Python SDK's
    OpenFeature provider caches it and evaluates locally with the same bucketing as the server.

    Args:
        tenant_id (str):  Example: acme.
        x_company_os_purpose (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FlagConfiguration | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        x_company_os_purpose=x_company_os_purpose,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_company_os_purpose: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | FlagConfiguration | Problem | None:
    """Get the flag configuration for in-process evaluation

     Every flag's definition (variants, rules with conditions, rollouts and splits, override) as the
    shared evaluator reads it, with an `ETag` (`If-None-Match` answers `304`). The Python SDK's
    OpenFeature provider caches it and evaluates locally with the same bucketing as the server.

    Args:
        tenant_id (str):  Example: acme.
        x_company_os_purpose (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FlagConfiguration | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            x_company_os_purpose=x_company_os_purpose,
            if_none_match=if_none_match,
        )
    ).parsed
