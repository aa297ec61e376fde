"""ingest.write stores each (tenant, event_id) once, on DuckDB and on chDB alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlglot import exp

from companyos_server.domains.analytics import ingest
from companyos_server.domains.analytics.warehouse import ChdbBackend, Warehouse
from tests.unit.analytics.fixtures import FU, row


@pytest.fixture(params=["duckdb", "chdb"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Warehouse]:
    made = Warehouse(request.param, ":memory:" if request.param == "duckdb" else str(tmp_path / "db"))
    yield made
    made.close()
    if request.param == "chdb":
        ChdbBackend.close_all()


def _count(warehouse: Warehouse, tenant: str) -> int:
    backend = warehouse.partition("eu")
    query = (
        exp.select("count(*)")
        .from_(backend.qualify("events"))
        .where(exp.column("tenant_id").eq(exp.Literal.string(tenant)))
    )
    _, rows = backend.execute(backend.render(query))
    return int(rows[0][0])


def test_resent_and_repeated_events_are_written_once(warehouse: Warehouse) -> None:
    batch = [row("t1", FU, "a", "01", 12), row("t1", FU, "b", "02", 12)]
    assert ingest.write(warehouse, "eu", [dict(r) for r in batch]) == 2
    again = [dict(r) for r in batch] + [row("t1", FU, "c", "03", 12), row("t1", FU, "c", "03", 12)]
    assert ingest.write(warehouse, "eu", again) == 1
    assert _count(warehouse, "t1") == 3
    # The same id in another tenant is another event.
    other = dict(batch[0], tenant_id="t2")
    assert ingest.write(warehouse, "eu", [other]) == 1 and _count(warehouse, "t2") == 1
