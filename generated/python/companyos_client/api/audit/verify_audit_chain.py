from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_verification import AuditVerification
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    *,
    known_checkpoint: str | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    params: dict[str, Any] = {}

    params["known_checkpoint"] = known_checkpoint

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tenants/{tenant_id}/audit/verification".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditVerification | Problem | None:
    if response.status_code == 200:
        response_200 = AuditVerification.from_dict(response.json())

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
) -> Response[AuditVerification | Problem]:
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
    known_checkpoint: str | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[AuditVerification | Problem]:
    """Verify the audit chain

     Recomputes every event's hash, checks its Ed25519 signature and its link to the previous event,
    checks
    the events against every signed checkpoint of the chain (kept in the database and in a witness
    directory), and reports every problem, the first one also as `first_broken_position`, `reason` and
    `detail`: `edited`, `missing`, `reordered`, `bad_signature` or `forked` for events; `truncated` when
    the
    chain ends before its newest checkpoint (a deleted chain ends at 0); `rollback` when checkpoints are
    gone from the database or the chain is shorter than the known checkpoint; `checkpoint_invalid` and
    `witness_mismatch` for the checkpoints themselves. When everything is intact the verified chain is
    checkpointed, and `checkpoint` is the newest checkpoint: keep it, and pass it back as
    `known_checkpoint`
    (`<size>:<head_hash>`) next time, to detect a rollback below what you saw (`companyos audit verify`
    does).
    Events appended since the newest checkpoint can be truncated undetectably.

    Args:
        tenant_id (str):  Example: acme.
        known_checkpoint (str | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditVerification | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        known_checkpoint=known_checkpoint,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    known_checkpoint: str | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> AuditVerification | Problem | None:
    """Verify the audit chain

     Recomputes every event's hash, checks its Ed25519 signature and its link to the previous event,
    checks
    the events against every signed checkpoint of the chain (kept in the database and in a witness
    directory), and reports every problem, the first one also as `first_broken_position`, `reason` and
    `detail`: `edited`, `missing`, `reordered`, `bad_signature` or `forked` for events; `truncated` when
    the
    chain ends before its newest checkpoint (a deleted chain ends at 0); `rollback` when checkpoints are
    gone from the database or the chain is shorter than the known checkpoint; `checkpoint_invalid` and
    `witness_mismatch` for the checkpoints themselves. When everything is intact the verified chain is
    checkpointed, and `checkpoint` is the newest checkpoint: keep it, and pass it back as
    `known_checkpoint`
    (`<size>:<head_hash>`) next time, to detect a rollback below what you saw (`companyos audit verify`
    does).
    Events appended since the newest checkpoint can be truncated undetectably.

    Args:
        tenant_id (str):  Example: acme.
        known_checkpoint (str | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditVerification | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        known_checkpoint=known_checkpoint,
        x_company_os_purpose=x_company_os_purpose,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    known_checkpoint: str | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> Response[AuditVerification | Problem]:
    """Verify the audit chain

     Recomputes every event's hash, checks its Ed25519 signature and its link to the previous event,
    checks
    the events against every signed checkpoint of the chain (kept in the database and in a witness
    directory), and reports every problem, the first one also as `first_broken_position`, `reason` and
    `detail`: `edited`, `missing`, `reordered`, `bad_signature` or `forked` for events; `truncated` when
    the
    chain ends before its newest checkpoint (a deleted chain ends at 0); `rollback` when checkpoints are
    gone from the database or the chain is shorter than the known checkpoint; `checkpoint_invalid` and
    `witness_mismatch` for the checkpoints themselves. When everything is intact the verified chain is
    checkpointed, and `checkpoint` is the newest checkpoint: keep it, and pass it back as
    `known_checkpoint`
    (`<size>:<head_hash>`) next time, to detect a rollback below what you saw (`companyos audit verify`
    does).
    Events appended since the newest checkpoint can be truncated undetectably.

    Args:
        tenant_id (str):  Example: acme.
        known_checkpoint (str | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditVerification | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        known_checkpoint=known_checkpoint,
        x_company_os_purpose=x_company_os_purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    known_checkpoint: str | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
) -> AuditVerification | Problem | None:
    """Verify the audit chain

     Recomputes every event's hash, checks its Ed25519 signature and its link to the previous event,
    checks
    the events against every signed checkpoint of the chain (kept in the database and in a witness
    directory), and reports every problem, the first one also as `first_broken_position`, `reason` and
    `detail`: `edited`, `missing`, `reordered`, `bad_signature` or `forked` for events; `truncated` when
    the
    chain ends before its newest checkpoint (a deleted chain ends at 0); `rollback` when checkpoints are
    gone from the database or the chain is shorter than the known checkpoint; `checkpoint_invalid` and
    `witness_mismatch` for the checkpoints themselves. When everything is intact the verified chain is
    checkpointed, and `checkpoint` is the newest checkpoint: keep it, and pass it back as
    `known_checkpoint`
    (`<size>:<head_hash>`) next time, to detect a rollback below what you saw (`companyos audit verify`
    does).
    Events appended since the newest checkpoint can be truncated undetectably.

    Args:
        tenant_id (str):  Example: acme.
        known_checkpoint (str | Unset):
        x_company_os_purpose (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditVerification | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            known_checkpoint=known_checkpoint,
            x_company_os_purpose=x_company_os_purpose,
        )
    ).parsed
