from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.maestro_dry_run import MaestroDryRun
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    plan_id: str,
    *,
    version: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/plans/{plan_id}/dry-run".format(
            tenant_id=quote(str(tenant_id), safe=""),
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MaestroDryRun | Problem | None:
    if response.status_code == 200:
        response_200 = MaestroDryRun.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MaestroDryRun | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[MaestroDryRun | Problem]:
    """Dry-run a plan

     The impact summary of running the plan: per step the action, target, what would change, its risk and
    whether it needs step-up for the caller. Changes nothing (no run, effect, graph or evidence row).
    Same answer as `POST …/plans/{plan_id}/runs?dry_run=true`.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        version (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MaestroDryRun | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        plan_id=plan_id,
        version=version,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> MaestroDryRun | Problem | None:
    """Dry-run a plan

     The impact summary of running the plan: per step the action, target, what would change, its risk and
    whether it needs step-up for the caller. Changes nothing (no run, effect, graph or evidence row).
    Same answer as `POST …/plans/{plan_id}/runs?dry_run=true`.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        version (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MaestroDryRun | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        plan_id=plan_id,
        client=client,
        version=version,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[MaestroDryRun | Problem]:
    """Dry-run a plan

     The impact summary of running the plan: per step the action, target, what would change, its risk and
    whether it needs step-up for the caller. Changes nothing (no run, effect, graph or evidence row).
    Same answer as `POST …/plans/{plan_id}/runs?dry_run=true`.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        version (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MaestroDryRun | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        plan_id=plan_id,
        version=version,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> MaestroDryRun | Problem | None:
    """Dry-run a plan

     The impact summary of running the plan: per step the action, target, what would change, its risk and
    whether it needs step-up for the caller. Changes nothing (no run, effect, graph or evidence row).
    Same answer as `POST …/plans/{plan_id}/runs?dry_run=true`.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        version (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MaestroDryRun | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            plan_id=plan_id,
            client=client,
            version=version,
            idempotency_key=idempotency_key,
        )
    ).parsed
