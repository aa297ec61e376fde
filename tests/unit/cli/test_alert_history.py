"""``companyos alerts history import`` and ``companyos alerts occurrences``, driven with respx."""

from __future__ import annotations

import json
from pathlib import Path

import respx

from .conftest import Cli, problem
from .factories import NOW, page

T = "/v1/tenants/acme"
CSV = "alert_name,starts_at,ends_at\nHighErrorRate,2026-10-02T09:58:00Z,2026-10-02T10:31:00Z\n"
RESULT = {"imported": 1, "updated": 0, "from": "2026-10-02T09:58:00Z", "to": "2026-10-02T09:58:00Z"}
OCCURRENCE = {"id": "aoc_1", "tenant_id": "acme", "alert_id": None, "fingerprint": "f" * 64,
              "alert_name": "HighErrorRate", "service_id": "svc_1", "service": "checkout-api",
              "severity": "critical", "starts_at": NOW, "ends_at": None, "source": "import",
              "received_at": NOW}  # fmt: skip


def one_error_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    return stderr.strip()


def test_import_sends_the_file_in_the_format_its_suffix_names(
    cli: Cli, api: respx.MockRouter, tmp_path: Path
) -> None:
    route = api.post(T + "/alert-history/import").respond(json=RESULT)
    for name, expected in (("history.csv", "csv"), ("history.jsonl", "ndjson"), ("history.JSON", "json")):
        file = tmp_path / name
        file.write_text(CSV)
        result = cli("-o", "json", "alerts", "history", "import", str(file))
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["imported"] == 1
        request = route.calls.last.request
        assert request.url.params["format"] == expected
        assert request.headers["content-type"] == "application/octet-stream"
        assert request.content == CSV.encode()
    other = tmp_path / "export.txt"
    other.write_text(CSV)
    result = cli("alerts", "history", "import", str(other), "--format", "csv")
    assert result.exit_code == 0 and route.calls.last.request.url.params["format"] == "csv"


def test_import_bad_files_are_one_line(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    route = api.post(T + "/alert-history/import")
    unknown = tmp_path / "history.txt"
    unknown.write_text(CSV)
    result = cli("alerts", "history", "import", str(unknown))
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (
        f"error: cannot tell the format of {unknown}: give --format csv, ndjson or json"
    )
    missing = tmp_path / "nope.csv"
    result = cli("alerts", "history", "import", str(missing))
    assert result.exit_code == 2 and one_error_line(result.stderr).startswith(
        f"error: cannot read {missing}: "
    )
    assert not route.called

    bad = tmp_path / "bad.csv"
    bad.write_text("alert_name,starts_at\n,2026-10-02T09:58:00Z\nX,yesterday\n")
    errors = [{"field": "line 2", "message": "alert_name: missing", "code": "invalid"},
              {"field": "line 3", "message": "starts_at: must be an RFC 3339 date-time", "code": "invalid"}]  # fmt: skip
    route.respond(400, json=problem(400, "Invalid argument", "2 row(s) are invalid; nothing was stored.",
                                    "req_h", errors=errors))  # fmt: skip
    result = cli("alerts", "history", "import", str(bad))
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == (
        "error: Invalid argument: 2 row(s) are invalid; nothing was stored. (line 2 alert_name: missing; "
        "line 3 starts_at: must be an RFC 3339 date-time) (request id req_h)"
    )


def test_occurrences_filters_and_table(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/alert-occurrences").respond(json=page([OCCURRENCE]))
    result = cli("alerts", "occurrences", "--service", "svc_1", "--alert-name", "HighErrorRate",
                 "--since", "2026-10-01T00:00:00Z", "--until", "2026-11-01T00:00:00Z")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "HighErrorRate" in result.stdout and "checkout-api" in result.stdout and "import" in result.stdout
    params = route.calls.last.request.url.params
    assert (params["service_id"], params["alert_name"], params["since"], params["until"]) == (
        "svc_1",
        "HighErrorRate",
        "2026-10-01T00:00:00Z",
        "2026-11-01T00:00:00Z",
    )
    listed = cli("-o", "json", "alerts", "occurrences")
    assert [o["id"] for o in json.loads(listed.stdout)] == ["aoc_1"]
