from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.security_principal import SecurityPrincipal
from ...types import Response


def _get_kwargs(
    tenant_id: str,
    principal: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/security-principals/{principal}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            principal=quote(str(principal), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SecurityPrincipal | None:
    if response.status_code == 200:
        response_200 = SecurityPrincipal.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SecurityPrincipal]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | SecurityPrincipal]:
    """A principal's risk score, security alerts, recent events and containment state

     Risk is the decayed sum of weighted detections (critical 40, high 25, medium 10, low 3; halved every
    24 h). Containment says whether the identity-provider account is locked, how many refresh tokens are
    live, and how many sign-ins succeeded since the last `account.lock`.

    Args:
        tenant_id (str):  Example: acme.
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityPrincipal]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        principal=principal,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | SecurityPrincipal | None:
    """A principal's risk score, security alerts, recent events and containment state

     Risk is the decayed sum of weighted detections (critical 40, high 25, medium 10, low 3; halved every
    24 h). Containment says whether the identity-provider account is locked, how many refresh tokens are
    live, and how many sign-ins succeeded since the last `account.lock`.

    Args:
        tenant_id (str):  Example: acme.
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityPrincipal
    """

    return sync_detailed(
        tenant_id=tenant_id,
        principal=principal,
        client=client,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | SecurityPrincipal]:
    """A principal's risk score, security alerts, recent events and containment state

     Risk is the decayed sum of weighted detections (critical 40, high 25, medium 10, low 3; halved every
    24 h). Containment says whether the identity-provider account is locked, how many refresh tokens are
    live, and how many sign-ins succeeded since the last `account.lock`.

    Args:
        tenant_id (str):  Example: acme.
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SecurityPrincipal]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        principal=principal,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | SecurityPrincipal | None:
    """A principal's risk score, security alerts, recent events and containment state

     Risk is the decayed sum of weighted detections (critical 40, high 25, medium 10, low 3; halved every
    24 h). Containment says whether the identity-provider account is locked, how many refresh tokens are
    live, and how many sign-ins succeeded since the last `account.lock`.

    Args:
        tenant_id (str):  Example: acme.
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SecurityPrincipal
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            principal=principal,
            client=client,
        )
    ).parsed
