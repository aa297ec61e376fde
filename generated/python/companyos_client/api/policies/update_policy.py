from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.policy_edit_result import PolicyEditResult
from ...models.policy_rule import PolicyRule
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    policy_id: str,
    *,
    body: PolicyRule,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/tenants/{tenant_id}/policies/catalog/{policy_id}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            policy_id=quote(str(policy_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PolicyEditResult | Problem | None:
    if response.status_code == 200:
        response_200 = PolicyEditResult.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = PolicyEditResult.from_dict(response.json())

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
) -> Response[PolicyEditResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyRule,
    dry_run: bool | Unset = False,
) -> Response[PolicyEditResult | Problem]:
    """Create or edit a tenant policy (high-risk; supports dry_run)

     Writes a new version of the tenant policy `policy_id` (built-in policies are read-only: 409).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).
    With `dry_run=true` nothing is stored and the answer lists which of the tenant's recent
    decisions would change outcome under the edited policy set, and the `widening`: every
    (role, action) pair the change would newly allow.
    A change that widens any role's permissions is stored `pending` (202) and is not in force until
    someone else, holding none of the widened roles, approves it (`approve_policy_version`). A
    caller holding a widened role cannot propose it at all (403). Control characters in any text
    that goes into the policy (e.g. `reason`) are refused (400 naming the field).

    Args:
        tenant_id (str):  Example: acme.
        policy_id (str):
        dry_run (bool | Unset):  Default: False.
        body (PolicyRule): A tenant policy, confined to its tenant; a `permit` applies to members
            of the tenant only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyEditResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        policy_id=policy_id,
        body=body,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyRule,
    dry_run: bool | Unset = False,
) -> PolicyEditResult | Problem | None:
    """Create or edit a tenant policy (high-risk; supports dry_run)

     Writes a new version of the tenant policy `policy_id` (built-in policies are read-only: 409).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).
    With `dry_run=true` nothing is stored and the answer lists which of the tenant's recent
    decisions would change outcome under the edited policy set, and the `widening`: every
    (role, action) pair the change would newly allow.
    A change that widens any role's permissions is stored `pending` (202) and is not in force until
    someone else, holding none of the widened roles, approves it (`approve_policy_version`). A
    caller holding a widened role cannot propose it at all (403). Control characters in any text
    that goes into the policy (e.g. `reason`) are refused (400 naming the field).

    Args:
        tenant_id (str):  Example: acme.
        policy_id (str):
        dry_run (bool | Unset):  Default: False.
        body (PolicyRule): A tenant policy, confined to its tenant; a `permit` applies to members
            of the tenant only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyEditResult | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        policy_id=policy_id,
        client=client,
        body=body,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyRule,
    dry_run: bool | Unset = False,
) -> Response[PolicyEditResult | Problem]:
    """Create or edit a tenant policy (high-risk; supports dry_run)

     Writes a new version of the tenant policy `policy_id` (built-in policies are read-only: 409).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).
    With `dry_run=true` nothing is stored and the answer lists which of the tenant's recent
    decisions would change outcome under the edited policy set, and the `widening`: every
    (role, action) pair the change would newly allow.
    A change that widens any role's permissions is stored `pending` (202) and is not in force until
    someone else, holding none of the widened roles, approves it (`approve_policy_version`). A
    caller holding a widened role cannot propose it at all (403). Control characters in any text
    that goes into the policy (e.g. `reason`) are refused (400 naming the field).

    Args:
        tenant_id (str):  Example: acme.
        policy_id (str):
        dry_run (bool | Unset):  Default: False.
        body (PolicyRule): A tenant policy, confined to its tenant; a `permit` applies to members
            of the tenant only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyEditResult | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        policy_id=policy_id,
        body=body,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    policy_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PolicyRule,
    dry_run: bool | Unset = False,
) -> PolicyEditResult | Problem | None:
    """Create or edit a tenant policy (high-risk; supports dry_run)

     Writes a new version of the tenant policy `policy_id` (built-in policies are read-only: 409).
    High-risk: needs a multi-factor sign-in from the last 15 minutes (RFC 9470 challenge otherwise).
    With `dry_run=true` nothing is stored and the answer lists which of the tenant's recent
    decisions would change outcome under the edited policy set, and the `widening`: every
    (role, action) pair the change would newly allow.
    A change that widens any role's permissions is stored `pending` (202) and is not in force until
    someone else, holding none of the widened roles, approves it (`approve_policy_version`). A
    caller holding a widened role cannot propose it at all (403). Control characters in any text
    that goes into the policy (e.g. `reason`) are refused (400 naming the field).

    Args:
        tenant_id (str):  Example: acme.
        policy_id (str):
        dry_run (bool | Unset):  Default: False.
        body (PolicyRule): A tenant policy, confined to its tenant; a `permit` applies to members
            of the tenant only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyEditResult | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            policy_id=policy_id,
            client=client,
            body=body,
            dry_run=dry_run,
        )
    ).parsed
