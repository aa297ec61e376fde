"""``companyos doctor report``: the job is followed with a progress bar on stderr, then the report is printed
(or written) in the format asked for; a failed job is a one-line error and exit 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import respx

from .conftest import Cli

T = "/v1/tenants/acme"
REPORTS = T + "/services/svc_1/health-reports"


def _job(state: str, done: int, **extra: Any) -> dict[str, Any]:
    return {"id": "job_1", "kind": "slos.health_report", "state": state, "progress": {"done": done, "total": 3},
            "result": None, "errors": [], **extra}  # fmt: skip


REPORT = {"id": "rpt_1", "service_id": "svc_1", "job_id": "job_1", "days": 7, "created_by": "u",
          "created_at": "2026-12-01T00:00:00Z", "executive_summary": {"pages": 3},
          "report": {"executive_summary": {"pages": 3}}, "markdown": "# Health report\n",
          "html": "<!doctype html><html><body><svg></svg></body></html>"}  # fmt: skip


def test_report_follows_the_job_with_a_progress_bar_and_prints_html(
    cli: Cli, api: respx.MockRouter, tmp_path: Path
) -> None:
    start = api.post(REPORTS).respond(202, json=_job("queued", 0))
    polls = api.get(T + "/jobs/job_1").mock(
        side_effect=[
            respx.MockResponse(json=_job("running", 1)),
            respx.MockResponse(json=_job("running", 2)),
            respx.MockResponse(json=_job("succeeded", 3, result={"report_id": "rpt_1"})),
        ]
    )
    api.get(REPORTS + "/rpt_1").respond(json=REPORT)
    result = cli("doctor", "report", "svc_1", "--format", "html", "--days", "7", "--no-charts",
                 "--interval", "0", FORCE_COLOR="1", COLUMNS="100")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == REPORT["html"]
    assert json.loads(start.calls.last.request.content) == {"days": 7, "charts": False}
    assert polls.call_count == 3
    # the bar is drawn on stderr (forced to a terminal here), and never on stdout
    assert "health report" in result.stderr and "\x1b[" in result.stderr
    out = tmp_path / "r.md"
    api.post(REPORTS).respond(202, json=_job("succeeded", 3, result={"report_id": "rpt_1"}))
    result = cli("doctor", "report", "svc_1", "--format", "md", "--out", str(out))
    assert result.exit_code == 0 and out.read_text() == "# Health report\n"
    assert result.stdout == "" and f"wrote {out}" in "".join(result.stderr.splitlines())  # rich wraps paths


def test_a_failed_report_job_is_one_line_and_exit_1(cli: Cli, api: respx.MockRouter) -> None:
    api.post(REPORTS).respond(
        202, json=_job("failed", 1, errors=[{"message": "no SLI data", "at": "2026-12-01T00:00:00Z"}])
    )
    result = cli("doctor", "report", "svc_1", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "error: job job_1 failed: no SLI data"
