from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ofrep_bulk_evaluation import OfrepBulkEvaluation
from ...models.ofrep_bulk_failure import OfrepBulkFailure
from ...models.ofrep_evaluate_flags_environment import OfrepEvaluateFlagsEnvironment
from ...models.ofrep_evaluation_request import OfrepEvaluationRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant_id: str,
    environment: OfrepEvaluateFlagsEnvironment,
    *,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_company_os_purpose, Unset):
        headers["X-CompanyOS-Purpose"] = x_company_os_purpose

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{tenant_id}/environments/{environment}/ofrep/v1/evaluate/flags".format(
            tenant_id=quote(str(tenant_id), safe=""),
            environment=quote(str(environment), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem | None:
    if response.status_code == 200:
        response_200 = OfrepBulkEvaluation.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = OfrepBulkFailure.from_dict(response.json())

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
) -> Response[Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    environment: OfrepEvaluateFlagsEnvironment,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem]:
    """Evaluate every flag (OFREP bulk)

     OFREP bulk evaluation: every flag of the tenant for the evaluation context, each a success or an
    error item. The response carries an `ETag`; sending it back in `If-None-Match` with the same
    context answers `304 Not Modified` while no result changed.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagsEnvironment):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        if_none_match (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        environment=environment,
        body=body,
        x_company_os_purpose=x_company_os_purpose,
        idempotency_key=idempotency_key,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    environment: OfrepEvaluateFlagsEnvironment,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem | None:
    """Evaluate every flag (OFREP bulk)

     OFREP bulk evaluation: every flag of the tenant for the evaluation context, each a success or an
    error item. The response carries an `ETag`; sending it back in `If-None-Match` with the same
    context answers `304 Not Modified` while no result changed.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagsEnvironment):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        if_none_match (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem
    """

    return sync_detailed(
        tenant_id=tenant_id,
        environment=environment,
        client=client,
        body=body,
        x_company_os_purpose=x_company_os_purpose,
        idempotency_key=idempotency_key,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    environment: OfrepEvaluateFlagsEnvironment,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem]:
    """Evaluate every flag (OFREP bulk)

     OFREP bulk evaluation: every flag of the tenant for the evaluation context, each a success or an
    error item. The response carries an `ETag`; sending it back in `If-None-Match` with the same
    context answers `304 Not Modified` while no result changed.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagsEnvironment):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        if_none_match (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        environment=environment,
        body=body,
        x_company_os_purpose=x_company_os_purpose,
        idempotency_key=idempotency_key,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    environment: OfrepEvaluateFlagsEnvironment,
    *,
    client: AuthenticatedClient | Client,
    body: OfrepEvaluationRequest | Unset = UNSET,
    x_company_os_purpose: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem | None:
    """Evaluate every flag (OFREP bulk)

     OFREP bulk evaluation: every flag of the tenant for the evaluation context, each a success or an
    error item. The response carries an `ETag`; sending it back in `If-None-Match` with the same
    context answers `304 Not Modified` while no result changed.

    Args:
        tenant_id (str):  Example: acme.
        environment (OfrepEvaluateFlagsEnvironment):
        x_company_os_purpose (str | Unset):
        idempotency_key (str | Unset):
        if_none_match (str | Unset):
        body (OfrepEvaluationRequest | Unset): An OFREP evaluation request. `context` is the
            evaluation context (any JSON object).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OfrepBulkEvaluation | OfrepBulkFailure | Problem
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            environment=environment,
            client=client,
            body=body,
            x_company_os_purpose=x_company_os_purpose,
            idempotency_key=idempotency_key,
            if_none_match=if_none_match,
        )
    ).parsed
