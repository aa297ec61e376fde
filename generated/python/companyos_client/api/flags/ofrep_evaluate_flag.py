from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ofrep_evaluate_flag_environment import OfrepEvaluateFlagEnvironment
from ...models.ofrep_evaluation_failure import OfrepEvaluationFailure
from ...models.ofrep_evaluation_request import OfrepEvaluationRequest
from ...models.ofrep_evaluation_success import OfrepEvaluationSuccess
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    environment: OfrepEvaluateFlagEnvironment,
    key: str,
    *,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/environments/{environment}/ofrep/v1/evaluate/flags/{key}".format(
            tenant_id=quote(str(tenant_id), safe=""),
            environment=quote(str(environment), safe=""),
            key=quote(str(key), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem | None:
    if response.status_code == 200:
        response_200 = OfrepEvaluationSuccess.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OfrepEvaluationFailure.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = OfrepEvaluationFailure.from_dict(response.json())

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
) -> Response[OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    environment: OfrepEvaluateFlagEnvironment,
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem]:
    """Evaluate one flag (OFREP)

     OFREP single-flag evaluation for the evaluation context in the body. Success: `value`, `variant`,
    `reason` (`STATIC`, `DEFAULT`, `TARGETING_MATCH`, `SPLIT`, `CACHED`, `DISABLED`, `UNKNOWN`,
    `STALE`) and `metadata`; a `DISABLED` result carries no value (the caller's default applies).
    Errors use OFREP's shape: 404 `FLAG_NOT_FOUND`; 400 `PARSE_ERROR`, `TARGETING_KEY_MISSING`,
    `INVALID_CONTEXT` or `GENERAL`. A request with `Cache-Control: max-age=N` accepts the server's flag
    snapshot validated in the last N seconds (context-independent results then say `CACHED`); when the
    flag store cannot be read, the last snapshot is served with reason `STALE`.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagEnvironment):
        key (str):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        environment=environment,
        key=key,
        body=body,
        x_company_os_purpose=x_company_os_purpose,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    environment: OfrepEvaluateFlagEnvironment,
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem | None:
    """Evaluate one flag (OFREP)

     OFREP single-flag evaluation for the evaluation context in the body. Success: `value`, `variant`,
    `reason` (`STATIC`, `DEFAULT`, `TARGETING_MATCH`, `SPLIT`, `CACHED`, `DISABLED`, `UNKNOWN`,
    `STALE`) and `metadata`; a `DISABLED` result carries no value (the caller's default applies).
    Errors use OFREP's shape: 404 `FLAG_NOT_FOUND`; 400 `PARSE_ERROR`, `TARGETING_KEY_MISSING`,
    `INVALID_CONTEXT` or `GENERAL`. A request with `Cache-Control: max-age=N` accepts the server's flag
    snapshot validated in the last N seconds (context-independent results then say `CACHED`); when the
    flag store cannot be read, the last snapshot is served with reason `STALE`.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagEnvironment):
        key (str):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        environment=environment,
        key=key,
        client=client,
        body=body,
        x_company_os_purpose=x_company_os_purpose,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    environment: OfrepEvaluateFlagEnvironment,
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem]:
    """Evaluate one flag (OFREP)

     OFREP single-flag evaluation for the evaluation context in the body. Success: `value`, `variant`,
    `reason` (`STATIC`, `DEFAULT`, `TARGETING_MATCH`, `SPLIT`, `CACHED`, `DISABLED`, `UNKNOWN`,
    `STALE`) and `metadata`; a `DISABLED` result carries no value (the caller's default applies).
    Errors use OFREP's shape: 404 `FLAG_NOT_FOUND`; 400 `PARSE_ERROR`, `TARGETING_KEY_MISSING`,
    `INVALID_CONTEXT` or `GENERAL`. A request with `Cache-Control: max-age=N` accepts the server's flag
    snapshot validated in the last N seconds (context-independent results then say `CACHED`); when the
    flag store cannot be read, the last snapshot is served with reason `STALE`.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagEnvironment):
        key (str):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        environment=environment,
        key=key,
        body=body,
        x_company_os_purpose=x_company_os_purpose,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    environment: OfrepEvaluateFlagEnvironment,
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem | None:
    """Evaluate one flag (OFREP)

     OFREP single-flag evaluation for the evaluation context in the body. Success: `value`, `variant`,
    `reason` (`STATIC`, `DEFAULT`, `TARGETING_MATCH`, `SPLIT`, `CACHED`, `DISABLED`, `UNKNOWN`,
    `STALE`) and `metadata`; a `DISABLED` result carries no value (the caller's default applies).
    Errors use OFREP's shape: 404 `FLAG_NOT_FOUND`; 400 `PARSE_ERROR`, `TARGETING_KEY_MISSING`,
    `INVALID_CONTEXT` or `GENERAL`. A request with `Cache-Control: max-age=N` accepts the server's flag
    snapshot validated in the last N seconds (context-independent results then say `CACHED`); when the
    flag store cannot be read, the last snapshot is served with reason `STALE`.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagEnvironment):
        key (str):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfrepEvaluationFailure | OfrepEvaluationSuccess | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            environment=environment,
            key=key,
            client=client,
            body=body,
            x_company_os_purpose=x_company_os_purpose,
            idempotency_key=idempotency_key,
        )
    ).parsed
