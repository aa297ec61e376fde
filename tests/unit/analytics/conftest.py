from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from companyos_server.domains.analytics.warehouse import Backend, ChdbBackend, Warehouse
from tests.unit.analytics.fixtures import load


@pytest.fixture(scope="module", params=["duckdb", "chdb"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    location = ":memory:" if request.param == "duckdb" else str(tmp_path_factory.mktemp("chdb") / "db")
    warehouse = Warehouse(request.param, location)
    load(warehouse)
    yield warehouse.partition("eu")
    warehouse.close()
    if request.param == "chdb":
        ChdbBackend.close_all()


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Backend, Backend]]:
    duck = Warehouse("duckdb", ":memory:")
    ch = Warehouse("chdb", str(Path(tmp_path_factory.mktemp("chdb_both")) / "db"))
    load(duck)
    load(ch)
    yield duck.partition("eu"), ch.partition("eu")
    duck.close()
    ch.close()
    ChdbBackend.close_all()
