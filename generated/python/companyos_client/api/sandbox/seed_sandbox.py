from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sandbox_seed import SandboxSeed
from ...models.sandbox_tenant import SandboxTenant
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: SandboxSeed,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/sandbox".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SandboxTenant | None:
    if response.status_code == 201:
        response_201 = SandboxTenant.from_dict(response.json())

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
) -> Response[Problem | SandboxTenant]:
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
    body: SandboxSeed,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SandboxTenant]:
    """Seed a sandbox tenant with a demo story

     Fills an empty sandbox tenant (`environment: sandbox`) with a demo story, deterministically: the
    same `profile` and `seed` give the same rows, ids and (relative to the clock anchor, now) times.
    `ops-heavy`: services, releases with a failed one, 30 days of per-minute SLI data with a noisy
    alert for SLO Doctor, alerts, incidents and an attack for SecOps; `admin-heavy`: configuration and
    flags, a feature through its lifecycle, a dataset and analytics usage. A production or staging
    tenant, or one that already holds data, is 409 (reset a seeded sandbox instead).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxSeed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SandboxTenant]
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
    body: SandboxSeed,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SandboxTenant | None:
    """Seed a sandbox tenant with a demo story

     Fills an empty sandbox tenant (`environment: sandbox`) with a demo story, deterministically: the
    same `profile` and `seed` give the same rows, ids and (relative to the clock anchor, now) times.
    `ops-heavy`: services, releases with a failed one, 30 days of per-minute SLI data with a noisy
    alert for SLO Doctor, alerts, incidents and an attack for SecOps; `admin-heavy`: configuration and
    flags, a feature through its lifecycle, a dataset and analytics usage. A production or staging
    tenant, or one that already holds data, is 409 (reset a seeded sandbox instead).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxSeed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SandboxTenant
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
    body: SandboxSeed,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SandboxTenant]:
    """Seed a sandbox tenant with a demo story

     Fills an empty sandbox tenant (`environment: sandbox`) with a demo story, deterministically: the
    same `profile` and `seed` give the same rows, ids and (relative to the clock anchor, now) times.
    `ops-heavy`: services, releases with a failed one, 30 days of per-minute SLI data with a noisy
    alert for SLO Doctor, alerts, incidents and an attack for SecOps; `admin-heavy`: configuration and
    flags, a feature through its lifecycle, a dataset and analytics usage. A production or staging
    tenant, or one that already holds data, is 409 (reset a seeded sandbox instead).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxSeed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SandboxTenant]
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
    body: SandboxSeed,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SandboxTenant | None:
    """Seed a sandbox tenant with a demo story

     Fills an empty sandbox tenant (`environment: sandbox`) with a demo story, deterministically: the
    same `profile` and `seed` give the same rows, ids and (relative to the clock anchor, now) times.
    `ops-heavy`: services, releases with a failed one, 30 days of per-minute SLI data with a noisy
    alert for SLO Doctor, alerts, incidents and an attack for SecOps; `admin-heavy`: configuration and
    flags, a feature through its lifecycle, a dataset and analytics usage. A production or staging
    tenant, or one that already holds data, is 409 (reset a seeded sandbox instead).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxSeed):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SandboxTenant
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
