from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from companyos_server.platform.storage import UTCDateTime, new_id


def test_ids_are_prefixed_opaque_and_strictly_increasing() -> None:
    ids = [new_id("job") for _ in range(20_000)]
    assert all(re.fullmatch(r"job_[0-9a-z]{26}", i) for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_utc_datetime_refuses_naive_values() -> None:
    column = UTCDateTime()
    with pytest.raises(ValueError):
        column.process_bind_param(datetime(2026, 1, 1), None)
    aware = datetime(2026, 1, 1, tzinfo=UTC)
    assert column.process_result_value(aware.replace(tzinfo=None), None) == aware
