"""An OpenFeature provider evaluating CompanyOS flags in process, over a cached flag configuration.

Needs the extra: ``pip install 'companyos[openfeature]'``. The configuration comes from
``GET /v1/tenants/{tenant}/flag-configuration`` (``client.flags.configuration()``) and is refreshed when
older than ``max_age`` seconds; evaluation uses :mod:`companyos.flags.evaluator`, the module the server's
OFREP endpoints use, so both give the same value, variant and reason for the same context. When a
refresh fails the last configuration keeps serving and results say ``STALE``.

    from openfeature import api
    from companyos.flags.provider import CompanyOSProvider

    api.set_provider(CompanyOSProvider(client, environment="production"))
    enabled = api.get_client().get_boolean_value("new-checkout", False, EvaluationContext("user-42"))
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from openfeature.evaluation_context import EvaluationContext
from openfeature.exception import (
    FlagNotFoundError,
    GeneralError,
    InvalidContextError,
    ParseError,
    TargetingKeyMissingError,
    TypeMismatchError,
)
from openfeature.flag_evaluation import FlagResolutionDetails, FlagType, Reason
from openfeature.provider import AbstractProvider, Metadata

from companyos.flags import evaluator

__all__ = ["CompanyOSProvider", "context_dict"]

_TYPES: dict[FlagType, Any] = {
    FlagType.BOOLEAN: bool,
    FlagType.STRING: str,
    FlagType.INTEGER: int,
    FlagType.FLOAT: float,
    FlagType.OBJECT: (dict, list),
}
_ERRORS: dict[str, Callable[[str], Exception]] = {
    "PARSE_ERROR": ParseError,
    "TARGETING_KEY_MISSING": TargetingKeyMissingError,
    "INVALID_CONTEXT": InvalidContextError,
    "TYPE_MISMATCH": TypeMismatchError,
    "FLAG_NOT_FOUND": FlagNotFoundError,
}


def context_dict(context: EvaluationContext | None) -> dict[str, Any]:
    """An OpenFeature evaluation context as the evaluator (and OFREP) reads it."""
    if context is None:
        return {}
    out: dict[str, Any] = dict(context.attributes)
    if context.targeting_key:
        out["targetingKey"] = context.targeting_key
    return out


class CompanyOSProvider(AbstractProvider):
    """In-process evaluation of one tenant's flags in one environment.

    ``client``: a :class:`companyos.Client` (its ``flags.configuration()`` is fetched), or ``fetch``: any
    callable returning the configuration (``{"flags": [...]}``), or ``configuration``: a fixed one.
    """

    def __init__(
        self,
        client: Any = None,
        *,
        environment: str = "production",
        tenant: str | None = None,
        fetch: Callable[[], Mapping[str, Any]] | None = None,
        configuration: Mapping[str, Any] | None = None,
        max_age: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if fetch is None and client is not None:
            fetch = lambda: client.flags.configuration(tenant=tenant)  # noqa: E731
        self._fetch = fetch
        self.environment = environment
        self.max_age = max_age
        self._clock = clock
        self._lock = threading.Lock()
        self._flags: dict[str, Mapping[str, Any] | evaluator.PreparedFlag] = {}
        self._loaded_at: float | None = None
        self.etag: str | None = None
        if configuration is not None:
            self._install(configuration)

    def get_metadata(self) -> Metadata:
        return Metadata(name="CompanyOS in-process")

    def initialize(self, evaluation_context: EvaluationContext | None = None) -> None:
        if self._loaded_at is None:
            self.refresh()

    def _install(self, configuration: Mapping[str, Any]) -> None:
        flags = {str(f["key"]): evaluator.prepare(dict(f)) for f in configuration.get("flags", [])}
        with self._lock:
            self._flags = flags
            self.etag = configuration.get("etag")
            self._loaded_at = self._clock()

    def refresh(self) -> None:
        """Fetch the configuration now (raises what the fetch raises)."""
        if self._fetch is None:
            raise GeneralError("No configuration source: pass a client, fetch or configuration.")
        self._install(self._fetch())

    def _current(self) -> tuple[dict[str, Mapping[str, Any] | evaluator.PreparedFlag], bool]:
        """(flags, stale): refresh when older than max_age; a failed refresh keeps the old flags, stale."""
        loaded = self._loaded_at
        if self._fetch is not None and (loaded is None or self._clock() - loaded > self.max_age):
            try:
                self.refresh()
            except Exception as exc:
                if loaded is None:
                    raise GeneralError(f"Flag configuration unavailable: {exc}") from exc
                return self._flags, True
        return self._flags, False

    def resolve(self, flag_key: str, context: Mapping[str, Any]) -> evaluator.Resolution:
        """The raw evaluation (no OpenFeature types), e.g. to compare with the server."""
        flags, stale = self._current()
        flag = flags.get(flag_key)
        if flag is None:
            return evaluator.Resolution(
                flag_key, False, None, None, "ERROR", "error", "", "FLAG_NOT_FOUND", f"No flag '{flag_key}'."
            )
        res = evaluator.evaluate(flag, self.environment, context)
        if stale and res.error_code is None:
            res.reason = "STALE"
        return res

    def _resolve(
        self,
        flag_type: FlagType,
        flag_key: str,
        default_value: Any,
        evaluation_context: EvaluationContext | None,
    ) -> FlagResolutionDetails[Any]:
        res = self.resolve(flag_key, context_dict(evaluation_context))
        if res.error_code is not None:
            raise _ERRORS.get(res.error_code, GeneralError)(res.error_details or res.error_code)
        # As over OFREP, a disabled flag serves the caller's default.
        value = default_value if res.reason == "DISABLED" else res.value
        expected = _TYPES[flag_type]
        if (isinstance(value, bool) and flag_type is not FlagType.BOOLEAN) or not isinstance(value, expected):
            raise TypeMismatchError(
                f"Flag '{flag_key}' serves {type(value).__name__}, not {flag_type.value}."
            )
        metadata = {"decidedBy": res.decided_by, **res.metadata}
        return FlagResolutionDetails(
            value=value, variant=res.variant, reason=Reason[res.reason], flag_metadata=metadata
        )

    def resolve_boolean_details(
        self, flag_key: str, default_value: bool, evaluation_context: EvaluationContext | None = None
    ) -> FlagResolutionDetails[bool]:
        return self._resolve(FlagType.BOOLEAN, flag_key, default_value, evaluation_context)

    def resolve_string_details(
        self, flag_key: str, default_value: str, evaluation_context: EvaluationContext | None = None
    ) -> FlagResolutionDetails[str]:
        return self._resolve(FlagType.STRING, flag_key, default_value, evaluation_context)

    def resolve_integer_details(
        self, flag_key: str, default_value: int, evaluation_context: EvaluationContext | None = None
    ) -> FlagResolutionDetails[int]:
        return self._resolve(FlagType.INTEGER, flag_key, default_value, evaluation_context)

    def resolve_float_details(
        self, flag_key: str, default_value: float, evaluation_context: EvaluationContext | None = None
    ) -> FlagResolutionDetails[float]:
        return self._resolve(FlagType.FLOAT, flag_key, default_value, evaluation_context)

    def resolve_object_details(
        self,
        flag_key: str,
        default_value: Sequence[Any] | Mapping[str, Any],
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[Sequence[Any] | Mapping[str, Any]]:
        return self._resolve(FlagType.OBJECT, flag_key, default_value, evaluation_context)
