"""The platform adapter: how Maestro's actions reach the outside world.

:class:`PlatformAdapter` has one method per effect. Each receives an :class:`EffectRequest` carrying a
step-level idempotency key (``run_id:step_id``, ``run_id:step_id:compensate`` for compensations —
independent of the attempt), which a real adapter passes to its system (a Kubernetes annotation, a CI
job's dedupe key) so a retried or resumed step never applies twice. ``lookup(key)`` tells the engine,
after a crash, whether a step's effect already happened.

The in-tree default, :class:`RecordingAdapter`, records effects in ``maestro_effects`` (UNIQUE
idempotency key). Adapters are found by name: the in-tree ``recording``, then Python entry points in
the group ``companyos.maestro.adapters`` (each a factory ``(db) -> PlatformAdapter``). The adapter in use
is ``COMPANYOS_MAESTRO_ADAPTER`` (a registered name or ``module:attribute``), else ``recording``.

Failures: any exception from an adapter method is a failed attempt, retried with backoff. An adapter
raises :class:`EffectError` with ``retryable=False`` (or any exception with a ``retryable = False``
attribute) for a failure no retry can fix; the executor then fails the step at once and compensates.
:class:`TargetNotFound` is that for a CompanyOS object the tenant does not have; the executor checks
those targets itself before calling any adapter (:mod:`.targets`), so adapters need not.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.exc import IntegrityError

from companyos_server.core.maestro import actions, targets
from companyos_server.core.maestro.models import EffectRow
from companyos_server.errors import DomainError
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

ENTRY_POINT_GROUP = "companyos.maestro.adapters"
ADAPTER_ENV = "COMPANYOS_MAESTRO_ADAPTER"
DEFAULT_ADAPTER = "recording"


class EffectError(Exception):
    """An effect that failed. ``retryable = False``: retrying cannot help (the step fails at once)."""

    retryable: bool = True

    def __init__(self, message: str, *, retryable: bool | None = None) -> None:
        super().__init__(message)
        if retryable is not None:
            self.retryable = retryable


class TargetNotFound(EffectError):
    """A step names a CompanyOS object (deployment, service, flag, incident) its tenant does not have."""

    retryable = False

    def __init__(self, problems: list[targets.MissingTarget]) -> None:
        super().__init__(targets.describe(problems))
        self.problems = list(problems)


def is_retryable(exc: BaseException) -> bool:
    """False for errors that say so (``retryable = False``); every other failure may be retried."""
    return getattr(exc, "retryable", True) is not False


@dataclass(frozen=True)
class EffectRequest:
    tenant_id: str
    run_id: str
    step_id: str
    kind: str  # the action type, e.g. "service.restart"
    target: str
    parameters: dict[str, Any]
    idempotency_key: str
    actor: str
    timeout_seconds: float = 60.0


@dataclass(frozen=True)
class EffectResult:
    effect_id: str
    applied: bool  # False when the key had already been applied (a replay)
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"effect_id": self.effect_id, "replayed": not self.applied, **self.details}


@runtime_checkable
class PlatformAdapter(Protocol):
    """One method per effect. Each must be idempotent on ``request.idempotency_key``."""

    name: str

    def rollback_deployment(self, request: EffectRequest) -> EffectResult: ...
    def restart_service(self, request: EffectRequest) -> EffectResult: ...
    def scale_service(self, request: EffectRequest) -> EffectResult: ...
    def toggle_flag(self, request: EffectRequest) -> EffectResult: ...
    def lock_account(self, request: EffectRequest) -> EffectResult: ...
    def rotate_credential(self, request: EffectRequest) -> EffectResult: ...
    def open_incident_task(self, request: EffectRequest) -> EffectResult: ...

    def lookup(self, tenant_id: str, idempotency_key: str) -> EffectResult | None:
        """The effect already applied under this key, if any (crash recovery)."""
        ...


class RecordingAdapter:
    """Applies an effect by recording it; the UNIQUE key makes a second application a replay."""

    name = "recording"

    def __init__(self, db: Database) -> None:
        self.db = db

    def _record(
        self,
        request: EffectRequest,
        details: dict[str, Any],
        apply: Callable[[Any], dict[str, Any]] | None = None,
    ) -> EffectResult:
        """Insert the effect row; ``apply(session)`` (a platform change in the same transaction) may add
        details. Both commit together or not at all. A CompanyOS target the tenant does not have raises
        :class:`TargetNotFound` (checked in the same transaction; nothing is recorded)."""
        existing = self.lookup(request.tenant_id, request.idempotency_key)
        if existing is not None:
            return existing
        effect_id = new_id("eff")
        try:
            with self.db.session() as session:
                problems = targets.missing(session, request.tenant_id, request.kind, _checked(request))
                if problems:
                    raise TargetNotFound(problems)
                if apply is not None:
                    details = {**details, **apply(session)}
                session.add(
                    EffectRow(
                        id=effect_id,
                        tenant_id=request.tenant_id,
                        run_id=request.run_id,
                        step_id=request.step_id,
                        kind=request.kind,
                        target=request.target,
                        parameters=dict(request.parameters),
                        result=details,
                        idempotency_key=request.idempotency_key,
                        applied_at=utcnow(),
                    )
                )
        except IntegrityError:  # a concurrent application of the same key won
            found = self.lookup(request.tenant_id, request.idempotency_key)
            if found is None:
                raise
            return found
        return EffectResult(effect_id, True, details)

    def lookup(self, tenant_id: str, idempotency_key: str) -> EffectResult | None:
        with self.db.session() as session:
            row = session.scalars(
                tenant_select(EffectRow, tenant_id).where(EffectRow.idempotency_key == idempotency_key)
            ).one_or_none()
            return EffectResult(row.id, False, dict(row.result or {})) if row else None

    def rollback_deployment(self, request: EffectRequest) -> EffectResult:
        """Rolls back through the deployments domain (same transaction as the effect row). An unknown
        deployment is :class:`TargetNotFound`; only without the deployments domain installed is the
        effect recorded alone (``deployment_known: false``)."""
        to = request.parameters.get("to_deployment_id")

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.deployments import service as deployments
                from companyos_server.domains.deployments import store as dep_store
            except ImportError:
                return {"deployment_known": False}
            if dep_store.get(session, request.tenant_id, request.target) is None:
                raise TargetNotFound([_missing("deployment", request)])
            try:
                out = deployments.rollback_to(
                    session, request.tenant_id, request.target, request.actor, target_deployment_id=to
                )
            except DomainError as exc:
                if exc.status >= 500:
                    raise
                # The deployment's state refuses it (already rolled back, no good candidate): no retry
                # changes that state, so the step fails at once and the run compensates.
                raise EffectError(f"rollback refused: {exc.detail}", retryable=False) from exc
            return {"deployment_known": True, "rollback_deployment_id": out["deployment"]["id"],
                    "to": out["target"]["id"]}  # fmt: skip

        return self._record(request, {"rolled_back": request.target, "to": to or "previous-good"}, apply)

    def restart_service(self, request: EffectRequest) -> EffectResult:
        """Recorded only (the restart happens outside CompanyOS); the service must be in the catalog."""
        return self._record(request, {"restarted": request.target})

    def scale_service(self, request: EffectRequest) -> EffectResult:
        return self._record(request, {"service": request.target, "replicas": request.parameters["replicas"]})

    def toggle_flag(self, request: EffectRequest) -> EffectResult:
        """Turns the tenant's flag on or off through the feature-flag domain (same transaction); a flag
        the tenant does not have is :class:`TargetNotFound`."""
        enabled = bool(request.parameters["enabled"])
        environment = request.parameters.get("environment")

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.tenant_config import flags
            except ImportError:
                return {"flag_known": False}
            toggled = flags.toggle_for_run(
                session,
                request.tenant_id,
                request.target,
                enabled,
                environment,
                request.run_id,
                percentage=request.parameters.get("percentage"),
            )
            if toggled is None:
                raise TargetNotFound([_missing("flag", request)])
            return {"flag_known": True, **toggled}

        return self._record(request, {"flag": request.target, "enabled": enabled}, apply)

    def lock_account(self, request: EffectRequest) -> EffectResult:
        """Locks the tenant's identity-provider account named by ``account_id`` (username or user id):
        sign-ins refused, every refresh-token family and the access tokens issued with them revoked, in
        the effect's transaction. An account the built-in provider does not hold for this tenant (an
        external system's) is recorded only (``account_known: false``)."""
        reason = str(request.parameters.get("reason") or "maestro_lock")[:40]

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.secops import response
            except ImportError:
                return {"account_known": False}
            return response.lock_account(session, request.tenant_id, request.target, reason=reason) or {
                "account_known": False
            }

        result = self._record(request, {"locked": request.target}, apply)
        _notify_revoked()
        return result

    def rotate_credential(self, request: EffectRequest) -> EffectResult:
        """Rotates the secret of the tenant's confidential client named by ``credential_id`` (the old
        secret stops working, its refresh tokens are revoked); the new secret is never stored in the
        effect, only its fingerprint. Another system's credential is recorded only."""

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.secops import response
            except ImportError:
                return {"credential_known": False}
            rotated = response.rotate_client_secret(session, request.tenant_id, request.target)
            return rotated[0] if rotated else {"credential_known": False}

        result = self._record(request, {"rotated": request.target, "generation": new_id("crv")}, apply)
        _notify_revoked()
        return result

    def open_incident_task(self, request: EffectRequest) -> EffectResult:
        """Links the run to the incident as a task (timeline entry included) in the effect's transaction;
        an incident the tenant does not have is :class:`TargetNotFound`."""
        title = request.parameters["title"]

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.incidents import service as incidents
            except ImportError:
                return {"incident_known": False}
            linked = incidents.open_task_for_run(
                session, request.tenant_id, request.target, request.run_id, title, request.actor
            )
            if linked is None:
                raise TargetNotFound([_missing("incident", request)])
            return {"incident_known": True, **linked}

        return self._record(request, {"incident_id": request.target, "title": title}, apply)

    def enforce_step_up(self, request: EffectRequest) -> EffectResult:
        """Sets the tenant's enforced step-up (``hours``; 0 lifts it) in the effect's transaction."""
        return self._tenant_control(request, "enforce_step_up")

    def raise_logging(self, request: EffectRequest) -> EffectResult:
        """Sets the tenant's raised audit logging (``hours``; 0 restores it) in the effect's transaction."""
        return self._tenant_control(request, "raise_logging")

    def _tenant_control(self, request: EffectRequest, control: str) -> EffectResult:
        hours = float(request.parameters["hours"])

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.secops import controls
            except ImportError:
                return {"tenant_known": False}
            return getattr(controls, control)(session, request.tenant_id, hours) or {"tenant_known": False}

        return self._record(request, {"control": request.kind, "hours": hours}, apply)

    def isolate_service(self, request: EffectRequest) -> EffectResult:
        """Isolates (or, with ``release``, releases) the tenant's service in the effect's transaction."""
        release = bool(request.parameters.get("release", False))
        reason = str(request.parameters.get("reason") or f"isolated by Maestro run {request.run_id}")

        def apply(session: Any) -> dict[str, Any]:
            try:
                from companyos_server.domains.secops import controls
            except ImportError:
                return {"service_known": False}
            done = controls.isolate_service(session, request.tenant_id, request.target, reason=reason,
                                            release=release)  # fmt: skip
            if done is None:
                raise TargetNotFound(
                    [targets.MissingTarget("service", request.target, "service_id", request.tenant_id)]
                )
            return done

        return self._record(request, {"service": request.target, "release": release}, apply)


def _notify_revoked() -> None:
    from companyos_server.platform.identity.revocation import notify_revoked

    notify_revoked()


def _checked(request: EffectRequest) -> dict[str, Any]:
    """The request's parameters, with its target under the action's target parameter when absent."""
    parameters = dict(request.parameters)
    action = actions.get(request.kind)
    if action is not None and action.target_param and request.target:
        parameters.setdefault(action.target_param, request.target)
    return parameters


def _missing(kind: str, request: EffectRequest) -> targets.MissingTarget:
    parameter = {"deployment": "deployment_id", "flag": "flag", "incident": "incident_id"}[kind]
    return targets.MissingTarget(kind, request.target, parameter, request.tenant_id)


AdapterFactory = Callable[[Database], PlatformAdapter]
_BUILTIN: dict[str, AdapterFactory] = {"recording": RecordingAdapter}


def register_adapter(name: str, factory: AdapterFactory) -> None:
    """Register an adapter factory in-process (tests, embedding); entry points are the usual route."""
    _BUILTIN[name] = factory


def available_adapters() -> dict[str, AdapterFactory]:
    found: dict[str, AdapterFactory] = dict(_BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, _lazy(ep.value))
    return found


def _lazy(reference: str) -> AdapterFactory:
    def factory(db: Database) -> PlatformAdapter:
        return _resolve(reference)(db)

    return factory


def _resolve(reference: str) -> AdapterFactory:
    module, _, attribute = reference.partition(":")
    target: Any = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


def load_adapter(db: Database, name: str | None = None) -> PlatformAdapter:
    """The named adapter (``module:attribute`` also works), else ``COMPANYOS_MAESTRO_ADAPTER``."""
    name = name or os.environ.get(ADAPTER_ENV) or DEFAULT_ADAPTER
    factories = available_adapters()
    if name in factories:
        adapter = factories[name](db)
    elif ":" in name:
        adapter = _resolve(name)(db)
    else:
        raise LookupError(f"no Maestro adapter named {name!r} (known: {', '.join(sorted(factories))})")
    if not isinstance(adapter, PlatformAdapter):
        raise TypeError(f"Maestro adapter {name!r} does not implement PlatformAdapter")
    return adapter
