from __future__ import annotations

from typing import Any

import pytest

from companyos_server.core.maestro.engine import Maestro
from companyos_server.platform.runtime import Runtime
from tests.unit.maestro.fakes import CountingAdapter, FakeClock, FakeEvidence, FakeGraph
from tests.unit.maestro.targets import add_test_targets

TENANT = "acme"


@pytest.fixture
def tenant(runtime: Runtime) -> str:
    from companyos_server.seed import seed_tenants

    seed_tenants(runtime)
    add_test_targets(runtime.db, TENANT)  # the services, flag and incident the tests' plans name
    return TENANT


@pytest.fixture
def fakes(runtime: Runtime) -> dict[str, Any]:
    return {
        "graph": FakeGraph(),
        "evidence": FakeEvidence(),
        "clock": FakeClock(),
        "adapter": CountingAdapter(runtime.db),
    }


@pytest.fixture
def maestro(runtime: Runtime, tenant: str, fakes: dict[str, Any]) -> Maestro:
    return Maestro(
        runtime,
        adapter=fakes["adapter"],
        graph=fakes["graph"],
        evidence=fakes["evidence"],
        sleep=fakes["clock"].sleep,
        rand=lambda: 1.0,
    )
