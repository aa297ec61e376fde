"""Fakes for the engine's collaborators: graph, evidence, clock, and adapters that fail on purpose."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from companyos_server.core.maestro.adapters import EffectRequest, EffectResult, RecordingAdapter
from companyos_server.platform.storage import Database


@dataclass
class FakeGraph:
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def upsert_entity(self, session: Any, **kwargs: Any) -> str:
        self.calls.append(("upsert_entity", kwargs))
        return f"{kwargs['kind']}:{kwargs['entity_id']}"

    def link(self, session: Any, **kwargs: Any) -> None:
        self.calls.append(("link", kwargs))

    def record_change(self, session: Any, **kwargs: Any) -> None:
        self.calls.append(("record_change", kwargs))

    def links(self) -> list[tuple[str, str, str]]:
        return [(k["src"], k["relation"], k["dst"]) for name, k in self.calls if name == "link"]


@dataclass
class FakeEvidence:
    packs: list[dict[str, Any]] = field(default_factory=list)

    def create_pack(self, **kwargs: Any) -> dict[str, Any]:
        pack = {"id": f"evp_fake{len(self.packs) + 1}", **kwargs}
        self.packs.append(pack)
        return pack


@dataclass
class FakeClock:
    sleeps: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


class CountingAdapter(RecordingAdapter):
    """Records like the default adapter, counts calls, and fails as told: ``fail[kind] = n`` fails the
    first n calls of that kind; ``-1`` fails every call."""

    name = "counting"

    def __init__(self, db: Database, fail: dict[str, int] | None = None) -> None:
        super().__init__(db)
        self.fail = dict(fail or {})
        self.calls: list[EffectRequest] = []

    def _record(self, request: EffectRequest, details: dict[str, Any], apply: Any = None) -> EffectResult:
        self.calls.append(request)
        left = self.fail.get(request.kind, 0)
        if left:
            if left > 0:
                self.fail[request.kind] = left - 1
            raise RuntimeError(f"{request.kind} failed on purpose")
        return super()._record(request, details, apply)


class FailingRestartAdapter(RecordingAdapter):
    """For subprocess workers (``COMPANYOS_MAESTRO_ADAPTER=tests.unit.maestro.fakes:FailingRestartAdapter``):
    every ``service.restart`` fails for good."""

    name = "failing-restart"

    def restart_service(self, request: EffectRequest) -> EffectResult:
        raise RuntimeError(f"restart of {request.target} refused by the platform")
