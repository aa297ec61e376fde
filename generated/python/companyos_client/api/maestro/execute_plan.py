from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.maestro_dry_run import MaestroDryRun
from ...models.maestro_run import MaestroRun
from ...models.maestro_run_request import MaestroRunRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    plan_id: str,
    *,
    body: MaestroRunRequest | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/plans/{plan_id}/runs".format(
            tenant_id=quote(str(tenant_id), safe=""),
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MaestroDryRun | MaestroRun | Problem | None:
    if response.status_code == 200:
        response_200 = MaestroDryRun.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = MaestroRun.from_dict(response.json())

        return response_202

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
) -> Response[MaestroDryRun | MaestroRun | Problem]:
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
    body: MaestroRunRequest | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[MaestroDryRun | MaestroRun | Problem]:
    """Execute a plan (start a run)

     Starts a run of the plan (current version, or `plan_version`) as a job and answers 202 with the run.
    Step-up is decided per plan: a plan whose effective risk is `high` (the plan, a step, or a step's
    action type such as `deployment.rollback`, `account.lock`, `credential.rotate`) needs a multi-factor
    sign-in from the last 15 minutes, else 401 with an RFC 9470 `insufficient_user_authentication`
    challenge. With `?dry_run=true` it answers 200 with the impact summary and starts nothing.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (MaestroRunRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MaestroDryRun | MaestroRun | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        plan_id=plan_id,
        body=body,
        dry_run=dry_run,
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
    body: MaestroRunRequest | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> MaestroDryRun | MaestroRun | Problem | None:
    """Execute a plan (start a run)

     Starts a run of the plan (current version, or `plan_version`) as a job and answers 202 with the run.
    Step-up is decided per plan: a plan whose effective risk is `high` (the plan, a step, or a step's
    action type such as `deployment.rollback`, `account.lock`, `credential.rotate`) needs a multi-factor
    sign-in from the last 15 minutes, else 401 with an RFC 9470 `insufficient_user_authentication`
    challenge. With `?dry_run=true` it answers 200 with the impact summary and starts nothing.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (MaestroRunRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MaestroDryRun | MaestroRun | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        plan_id=plan_id,
        client=client,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: MaestroRunRequest | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[MaestroDryRun | MaestroRun | Problem]:
    """Execute a plan (start a run)

     Starts a run of the plan (current version, or `plan_version`) as a job and answers 202 with the run.
    Step-up is decided per plan: a plan whose effective risk is `high` (the plan, a step, or a step's
    action type such as `deployment.rollback`, `account.lock`, `credential.rotate`) needs a multi-factor
    sign-in from the last 15 minutes, else 401 with an RFC 9470 `insufficient_user_authentication`
    challenge. With `?dry_run=true` it answers 200 with the impact summary and starts nothing.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (MaestroRunRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MaestroDryRun | MaestroRun | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        plan_id=plan_id,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: MaestroRunRequest | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> MaestroDryRun | MaestroRun | Problem | None:
    """Execute a plan (start a run)

     Starts a run of the plan (current version, or `plan_version`) as a job and answers 202 with the run.
    Step-up is decided per plan: a plan whose effective risk is `high` (the plan, a step, or a step's
    action type such as `deployment.rollback`, `account.lock`, `credential.rotate`) needs a multi-factor
    sign-in from the last 15 minutes, else 401 with an RFC 9470 `insufficient_user_authentication`
    challenge. With `?dry_run=true` it answers 200 with the impact summary and starts nothing.

    Args:
        tenant_id (str):  Example: acme.
        plan_id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        dry_run (bool | Unset):  Default: False.
        idempotency_key (str | Unset):
        body (MaestroRunRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MaestroDryRun | MaestroRun | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            plan_id=plan_id,
            client=client,
            body=body,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
