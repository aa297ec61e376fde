"""Handlers for the `features` and `flags` tags: parse, call the service, shape the response.

The OFREP operations answer in the protocol's own shapes (``{key, value, reason, variant, metadata}``,
``{key, errorCode, errorDetails}``) rather than problem details, so any OpenFeature OFREP provider can
read them; authentication, authorization and rate-limit errors stay problem details.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import anyio.to_thread
from connexion import request
from connexion.lifecycle import ConnexionResponse

from companyos_server import errors
from companyos_server.domains.features import experiments, ofrep, registry, rollouts
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

_T = TypeVar("_T")


def _json(body: Any, status: int, headers: dict[str, str] | None = None) -> ConnexionResponse:
    import orjson

    return ConnexionResponse(
        status_code=status,
        body=orjson.dumps(body) if body is not None else b"",
        content_type="application/json" if body is not None else None,
        headers=headers or {},
    )


async def _evaluated(tenant_id: str, evaluate: Callable[..., _T]) -> _T:
    """``evaluate(snapshot=...)`` on the event loop when the tenant's flag snapshot answers from memory and
    its flags evaluate in bounded time (most requests: no thread hop), else in the thread pool, where it
    revalidates against the database. A flag matching a regular expression against the caller's text is
    always evaluated in the pool: a pathological pattern must not stall the loop, and every tenant with it."""
    current_tenant_context()
    cache_control = request.headers.get("cache-control")
    snapshot = ofrep.CACHE.ready(get_runtime().db, tenant_id, ofrep.max_age(cache_control))
    if snapshot is not None and snapshot[0].bounded:
        return evaluate(snapshot=snapshot)
    return await anyio.to_thread.run_sync(functools.partial(evaluate, snapshot=snapshot))


async def ofrep_evaluate_flag(
    tenant_id: str, environment: str, key: str, body: Any = None
) -> ConnexionResponse:
    evaluate = functools.partial(
        ofrep.evaluate_one,
        get_runtime().db,
        tenant_id,
        environment,
        key,
        body,
        request.headers.get("cache-control"),
    )
    out, status = await _evaluated(tenant_id, evaluate)
    return _json(out, status)


async def ofrep_evaluate_flags(tenant_id: str, environment: str, body: Any = None) -> ConnexionResponse:
    if len(request.headers.get("if-none-match") or "") > 200:  # the spec's maxLength for the header
        raise errors.invalid_argument(
            "If-None-Match is longer than 200 characters.",
            [errors.FieldError("If-None-Match", "at most 200 characters", "max_length")],
        )
    evaluate = functools.partial(
        ofrep.evaluate_all,
        get_runtime().db,
        tenant_id,
        environment,
        body,
        if_none_match=request.headers.get("if-none-match"),
        cache_control=request.headers.get("cache-control"),
    )
    out, status, headers = await _evaluated(tenant_id, evaluate)
    return _json(out, status, headers)


def get_flag_configuration(tenant_id: str) -> ConnexionResponse:
    current_tenant_context()
    body = ofrep.configuration(get_runtime().db, tenant_id)
    etag = f'"{body["etag"]}"'
    if etag in [
        t.strip().removeprefix("W/") for t in (request.headers.get("if-none-match") or "").split(",")
    ]:
        return _json(None, 304, {"ETag": etag})
    return _json(body, 200, {"ETag": etag})


# -- registry --------------------------------------------------------------------------------------
def _page(page: Any) -> dict[str, Any]:
    return {"items": page.items, "next_page_token": page.next_page_token}


def list_features(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None, state: str | None = None
) -> dict[str, Any]:
    return _page(
        registry.list_features(
            get_runtime().db,
            current_tenant_context(),
            page_size=page_size,
            page_token=page_token,
            state=state,
        )
    )


def create_feature(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = registry.create_feature(get_runtime().db, current_tenant_context(), body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/features/{created['key']}"}


def get_feature(tenant_id: str, feature_id: str) -> dict[str, Any]:
    return registry.get_feature(get_runtime().db, current_tenant_context(), feature_id)


def update_feature(tenant_id: str, feature_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return registry.update_feature(get_runtime().db, current_tenant_context(), feature_id, body)


def add_feature_evidence(tenant_id: str, feature_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    return registry.add_evidence(get_runtime().db, current_tenant_context(), feature_id, body), 201


def transition_feature(tenant_id: str, feature_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return registry.transition(get_runtime().db, current_tenant_context(), feature_id, body)


def list_feature_transitions(tenant_id: str, feature_id: str) -> dict[str, Any]:
    return registry.transition_history(get_runtime().db, current_tenant_context(), feature_id)


def get_feature_review(tenant_id: str, feature_id: str) -> ConnexionResponse:
    text = registry.review(get_runtime().db, current_tenant_context(), feature_id)
    return ConnexionResponse(status_code=200, body=text.encode(), content_type="text/markdown; charset=utf-8")


def get_features_summary(tenant_id: str) -> dict[str, Any]:
    return registry.summary(get_runtime().db, current_tenant_context())


def list_stale_flags(tenant_id: str) -> dict[str, Any]:
    return registry.stale_flags(get_runtime().db, current_tenant_context())


# -- rollouts --------------------------------------------------------------------------------------
def list_rollouts(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    return _page(
        rollouts.list_rollouts(
            get_runtime().db, current_tenant_context(), page_size=page_size, page_token=page_token
        )
    )


def create_rollout(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = rollouts.create_rollout(get_runtime().db, current_tenant_context(), body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/rollouts/{created['id']}"}


def get_rollout(tenant_id: str, rollout_id: str) -> dict[str, Any]:
    return rollouts.get_rollout(get_runtime().db, current_tenant_context(), rollout_id)


def approve_rollout(tenant_id: str, rollout_id: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    return rollouts.approve_rollout(get_runtime().db, current_tenant_context(), rollout_id, body or {})


def reject_rollout(tenant_id: str, rollout_id: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    return rollouts.reject_rollout(get_runtime().db, current_tenant_context(), rollout_id, body or {})


def advance_rollout(tenant_id: str, rollout_id: str) -> dict[str, Any]:
    return rollouts.advance_rollout(get_runtime().db, current_tenant_context(), rollout_id)


# -- experiments -----------------------------------------------------------------------------------
def list_experiments(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    return _page(
        experiments.list_experiments(
            get_runtime().db, current_tenant_context(), page_size=page_size, page_token=page_token
        )
    )


def create_experiment(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    created = experiments.create_experiment(get_runtime().db, current_tenant_context(), body)
    return created, 201, {"Location": f"/v1/tenants/{tenant_id}/experiments/{created['key']}"}


def get_experiment(tenant_id: str, experiment_id: str) -> dict[str, Any]:
    return experiments.get_experiment(get_runtime().db, current_tenant_context(), experiment_id)


def record_experiment_exposures(
    tenant_id: str, experiment_id: str, body: dict[str, Any]
) -> tuple[dict[str, Any], int]:
    return experiments.record_exposures(get_runtime().db, current_tenant_context(), experiment_id, body), 202


def get_experiment_results(tenant_id: str, experiment_id: str) -> dict[str, Any]:
    return experiments.results(get_runtime().db, current_tenant_context(), experiment_id)


def conclude_experiment(tenant_id: str, experiment_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return experiments.conclude(get_runtime().db, current_tenant_context(), experiment_id, body)
