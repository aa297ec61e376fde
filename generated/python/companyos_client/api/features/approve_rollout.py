from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rollout import Rollout
from ...models.rollout_decision import RolloutDecision
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    rollout_id: str,
    *,
    body: RolloutDecision,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/rollouts/{rollout_id}/approve".format(
            tenant_id=quote(str(tenant_id), safe=""),
            rollout_id=quote(str(rollout_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Rollout | None:
    if response.status_code == 200:
        response_200 = Rollout.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Rollout]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    rollout_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RolloutDecision,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Rollout]:
    """Approve a rollout request

     Approves a pending request (403 for its requester: no self-approval) and writes its stages as a
    Maestro plan. A production rollout's approval carries every later stage, so it needs a person with a
    recent multi-factor sign-in (401 with an RFC 9470 step-up challenge; 403 for a client). With
    `auto_advance` the scheduler then runs the stages on its own.

    Args:
        tenant_id (str):  Example: acme.
        rollout_id (str):
        idempotency_key (str | Unset):
        body (RolloutDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rollout]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        rollout_id=rollout_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    rollout_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RolloutDecision,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Rollout | None:
    """Approve a rollout request

     Approves a pending request (403 for its requester: no self-approval) and writes its stages as a
    Maestro plan. A production rollout's approval carries every later stage, so it needs a person with a
    recent multi-factor sign-in (401 with an RFC 9470 step-up challenge; 403 for a client). With
    `auto_advance` the scheduler then runs the stages on its own.

    Args:
        tenant_id (str):  Example: acme.
        rollout_id (str):
        idempotency_key (str | Unset):
        body (RolloutDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rollout
    """

    return sync_detailed(
        tenant_id=tenant_id,
        rollout_id=rollout_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    rollout_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RolloutDecision,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Rollout]:
    """Approve a rollout request

     Approves a pending request (403 for its requester: no self-approval) and writes its stages as a
    Maestro plan. A production rollout's approval carries every later stage, so it needs a person with a
    recent multi-factor sign-in (401 with an RFC 9470 step-up challenge; 403 for a client). With
    `auto_advance` the scheduler then runs the stages on its own.

    Args:
        tenant_id (str):  Example: acme.
        rollout_id (str):
        idempotency_key (str | Unset):
        body (RolloutDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rollout]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        rollout_id=rollout_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    rollout_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RolloutDecision,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Rollout | None:
    """Approve a rollout request

     Approves a pending request (403 for its requester: no self-approval) and writes its stages as a
    Maestro plan. A production rollout's approval carries every later stage, so it needs a person with a
    recent multi-factor sign-in (401 with an RFC 9470 step-up challenge; 403 for a client). With
    `auto_advance` the scheduler then runs the stages on its own.

    Args:
        tenant_id (str):  Example: acme.
        rollout_id (str):
        idempotency_key (str | Unset):
        body (RolloutDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rollout
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            rollout_id=rollout_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
