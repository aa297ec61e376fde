"""The goals of issue 7 checked against an `api_overhead` result, and the printed table."""

from __future__ import annotations

from typing import Any

READS_50 = ("services_page", "audit_page")
READS_16 = ("services_page", "audit_page", "search")
GOAL_READ_RATIO = 0.4
GOAL_READ_P99_MS = 50.0
GOAL_WRITE_RPS = 300.0
GOAL_WRITE_P99_MS = 100.0
GOAL_SCALING = 1.6


def _check(name: str, value: float | None, goal: str, met: bool | None) -> dict[str, Any]:
    return {"goal": name, "measured": value, "target": goal, "met": met}


def goals(result: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Per backend: each goal with the measured figure (ours unless it is a ratio) and whether it is met."""
    out: dict[str, list[dict[str, Any]]] = {}
    for backend, data in result["backends"].items():
        by_workers = data["workers"]
        checks: list[dict[str, Any]] = []
        one = by_workers.get("1", {})
        for key in READS_50:
            if key in one:
                ratio = one[key]["ratio"]
                checks.append(
                    _check(
                        f"{key}: ours/bare, 1 process each",
                        ratio,
                        f">= {GOAL_READ_RATIO}",
                        ratio is not None and ratio >= GOAL_READ_RATIO,
                    )
                )
        for workers, ops in sorted(by_workers.items()):
            for key in READS_16:
                if key in ops:
                    p99 = ops[key]["companyos"]["p99_ms"]
                    checks.append(
                        _check(
                            f"{key}: p99 ms at 16, {workers} worker(s)",
                            p99,
                            f"< {GOAL_READ_P99_MS:g}",
                            p99 < GOAL_READ_P99_MS,
                        )
                    )
            if "services_page" in ops and "services_page_c1" in ops:
                at16, at1 = (
                    ops["services_page"]["companyos"]["req_per_s"],
                    ops["services_page_c1"]["companyos"]["req_per_s"],
                )
                checks.append(
                    _check(
                        f"services_page: req/s at 16 / at 1, {workers} worker(s)",
                        round(at16 / at1, 2) if at1 else None,
                        ">= 1",
                        at1 > 0 and at16 >= at1,
                    )
                )
        if "sli_push" in one:
            write = one["sli_push"]["companyos"]
            checks.append(
                _check(
                    "sli_push: req/s, 1 process",
                    write["req_per_s"],
                    f">= {GOAL_WRITE_RPS:g}",
                    write["req_per_s"] >= GOAL_WRITE_RPS,
                )
            )
            checks.append(
                _check(
                    "sli_push: p99 ms at 16, 1 process",
                    write["p99_ms"],
                    f"< {GOAL_WRITE_P99_MS:g}",
                    write["p99_ms"] < GOAL_WRITE_P99_MS,
                )
            )
        many = [w for w in by_workers if w != "1"]
        for workers in many:
            for key, op in by_workers[workers].items():
                # At concurrency 1 only one worker is ever busy: no scaling to expect.
                if op["concurrency"] > 1 and key in one and one[key]["companyos"]["req_per_s"]:
                    scale = op["companyos"]["req_per_s"] / one[key]["companyos"]["req_per_s"]
                    checks.append(
                        _check(
                            f"{key}: {workers} workers / 1 worker",
                            round(scale, 2),
                            f">= {GOAL_SCALING}",
                            scale >= GOAL_SCALING,
                        )
                    )
        out[backend] = checks
    return out


def render(result: dict[str, Any]) -> str:
    cfg = result["config"]
    lines = [
        f"api_overhead — tenant-scoped operations, companyos vs bare Starlette (PyJWT + hand-written SQL); "
        f"load: {cfg['load_generator']}; {cfg['rounds']} alternating rounds × {cfg['seconds_per_round']:g} s "
        f"after {cfg['warmup_seconds']:g} s warmup",
    ]
    head = (
        f"  {'operation':<30} {'conc':>4} │ {'ours req/s':>10} {'p50 ms':>7} {'p99 ms':>7} │ "
        f"{'bare req/s':>10} {'p50 ms':>7} {'p99 ms':>7} │ {'ours/bare':>9}"
    )
    for backend, data in result["backends"].items():
        for workers, ops in sorted(data["workers"].items()):
            lines += ["", f"{backend}, {workers} worker(s) each:", head]
            for op in ops.values():
                o, b = op["companyos"], op["bare_starlette"]
                ratio = f"{op['ratio']:.2f}×" if op["ratio"] is not None else "-"
                lines.append(
                    f"  {op['label']:<30} {op['concurrency']:>4} │ {o['req_per_s']:>10.1f} {o['p50_ms']:>7.2f} "
                    f"{o['p99_ms']:>7.2f} │ {b['req_per_s']:>10.1f} {b['p50_ms']:>7.2f} {b['p99_ms']:>7.2f} │ {ratio:>9}"
                )
        for note in data["notes"]:
            lines.append(f"  note: {note}")
    for backend, checks in result.get("goals", {}).items():
        lines += ["", f"goals ({backend}; ours unless a ratio):"]
        for c in checks:
            mark = "met " if c["met"] else "MISS"
            lines.append(f"  [{mark}] {c['goal']:<48} {c['measured']!s:>9}  (goal {c['target']})")
    profile = result.get("profile")
    if profile:
        lines += ["", *_profile_lines(profile)]
    if result["failure"]:
        lines += ["", "FAILED — the run stopped at:", result["failure"]]
    for note in result["notes"]:
        lines.append(f"note: {note}")
    machine = result["machine"]
    lines.append(
        f"machine: {machine['cpus']} CPUs, load {machine.get('load_avg_1m')} (1 min, at the end); servers and load "
        "generator share these cores: compare ratios from one run"
    )
    return "\n".join(lines)


def _profile_lines(profile: dict[str, Any]) -> list[str]:
    if "error" in profile:
        return [f"profile: {profile['error']}"]
    lines = [
        f"where ours spends the services page (pyinstrument, {profile['ms_per_request']} ms/request in-process):"
    ]
    for row in profile["by_area_self_time"][:12]:
        lines.append(f"  {row['share'] * 100:5.1f}%  {row['ms_per_request']:7.3f} ms  {row['where']}")
    lines.append("  top functions (self time):")
    for row in profile["top_functions_self_time"][:8]:
        lines.append(f"  {row['share'] * 100:5.1f}%  {row['where']}")
    lines.append(f"  full report: {profile['text_report']}")
    return lines
