from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sandbox_reset import SandboxReset
from ...models.sandbox_reset_result import SandboxResetResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    body: SandboxReset | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/sandbox/reset".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SandboxResetResult | None:
    if response.status_code == 200:
        response_200 = SandboxResetResult.from_dict(response.json())

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
) -> Response[Problem | SandboxResetResult]:
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
    body: SandboxReset | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SandboxResetResult]:
    """Reset a sandbox to its demo story

     Removes what the tenant holds (what the story seeded and what users added) and seeds the story
    again: with the clock anchor moved to now (default), or kept (`keep_clock: true`), which gives back
    the very rows of the first seeding (same digest). Idempotent. Kept across a reset: the audit
    trail, policy decisions, jobs, evidence packs, Maestro runs, credentials and the pseudonymisation
    key. The result names what was removed and an evidence pack records it (signed, like every pack).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxReset | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SandboxResetResult]
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
    body: SandboxReset | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SandboxResetResult | None:
    """Reset a sandbox to its demo story

     Removes what the tenant holds (what the story seeded and what users added) and seeds the story
    again: with the clock anchor moved to now (default), or kept (`keep_clock: true`), which gives back
    the very rows of the first seeding (same digest). Idempotent. Kept across a reset: the audit
    trail, policy decisions, jobs, evidence packs, Maestro runs, credentials and the pseudonymisation
    key. The result names what was removed and an evidence pack records it (signed, like every pack).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxReset | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SandboxResetResult
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
    body: SandboxReset | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | SandboxResetResult]:
    """Reset a sandbox to its demo story

     Removes what the tenant holds (what the story seeded and what users added) and seeds the story
    again: with the clock anchor moved to now (default), or kept (`keep_clock: true`), which gives back
    the very rows of the first seeding (same digest). Idempotent. Kept across a reset: the audit
    trail, policy decisions, jobs, evidence packs, Maestro runs, credentials and the pseudonymisation
    key. The result names what was removed and an evidence pack records it (signed, like every pack).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxReset | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SandboxResetResult]
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
    body: SandboxReset | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | SandboxResetResult | None:
    """Reset a sandbox to its demo story

     Removes what the tenant holds (what the story seeded and what users added) and seeds the story
    again: with the clock anchor moved to now (default), or kept (`keep_clock: true`), which gives back
    the very rows of the first seeding (same digest). Idempotent. Kept across a reset: the audit
    trail, policy decisions, jobs, evidence packs, Maestro runs, credentials and the pseudonymisation
    key. The result names what was removed and an evidence pack records it (signed, like every pack).

    Args:
        tenant_id (str):  Example: acme.
        idempotency_key (str | Unset):
        body (SandboxReset | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SandboxResetResult
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
