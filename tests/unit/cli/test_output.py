"""Table output shows API text verbatim: square brackets are data, not rich markup."""

from __future__ import annotations

import pytest

from companyos.cli._output import render_list, render_object


def test_brackets_in_api_text_survive_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"name": "[bold]not bold[/bold]", "path": "a -[depends_on]-> b"}]
    assert render_list(rows, [("NAME", "name"), ("PATH", "path")], "table") == 1
    render_object({"summary": "rollback [dep_42] done"}, "table")
    out = capsys.readouterr().out
    assert "NAME" in out and "summary" in out  # the tables, not a JSON dump
    assert "[bold]not bold[/bold]" in out
    assert "a -[depends_on]-> b" in out
    assert "rollback [dep_42] done" in out
