"""ingest.write stores each (tenant, event_id) once, on DuckDB and on chDB alike."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlglot import exp

from companyos_server.domains.analytics import ingest
from companyos_server.domains.analytics.warehouse import COLUMN_NAMES, ChdbBackend, DuckDBBackend, Warehouse
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


def test_a_shared_duckdb_file_serves_two_processes_in_turn(tmp_path: Path) -> None:
    """Under `serve --workers 2` each process opens the file per operation: while another process holds
    it, an operation waits for its turn instead of failing (it failed with a lock error before)."""
    path = str(tmp_path / "eu.duckdb")
    DuckDBBackend(path, "eu").close()  # the schema, as the first process makes it
    backend = DuckDBBackend(path, "eu", shared=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({path!r}); print('held', flush=True); time.sleep(1)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    event = {**row("t9", FU, "a", "01", 12), "seq": 1}
    backend.insert("events", [event], COLUMN_NAMES)
    waited = time.monotonic() - started
    assert holder.wait(timeout=10) == 0
    assert backend.execute("SELECT count(*) FROM events WHERE tenant_id = 't9'")[1] == [(1,)]
    assert waited > 0.3  # it waited for the other process, then wrote
    # …and between operations it holds nothing: another process can open the file now.
    other = subprocess.run(
        [sys.executable, "-c", f"import duckdb; duckdb.connect({path!r}).close()"], check=False
    )
    assert other.returncode == 0
