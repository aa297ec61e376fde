"""The health report of a service: JSON, and Markdown and HTML renderings with altair charts.

Sections: executive summary (budget burn, noise score, the top three recommendations with their pager
reduction and budget saved, a summariser's note), findings, recommendations (with their backtests),
follow-ups (re-checked as the report is made). Charts (budget burn-down, hourly burn rate, alert timeline
against deploys) are Vega-Lite specs built with altair and rendered offline to SVG by vl-convert.

The note comes from a :class:`Summariser`; the built-in :class:`TemplateSummariser` is deterministic and
offline. Another one (an LLM adapter, say) plugs in through :func:`set_summariser`.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import quote

import altair as alt
import numpy as np
import pandas as pd

from companyos_server.domains.slos import attribution, doctor, history, quality, service

TOP = 3
SEVERITY = {"critical": 0, "warning": 1, "info": 2}
NOISY_PAGES = 3  # an alert that fired fewer times is not yet a pattern
HOTSPOT_LIFT = 2.0  # a label value with twice its share of the traffic in bad events


class Summariser(Protocol):
    def summarise(self, report: dict[str, Any]) -> str: ...


class TemplateSummariser:
    """Plain sentences from the report's own numbers; the same report always reads the same."""

    def summarise(self, report: dict[str, Any]) -> str:
        summary = report["executive_summary"]
        parts = [f"{report['service']['name']} over {report['period']['days']} days:"]
        worst = summary.get("worst_budget_remaining")
        if worst is None:
            parts.append("no SLI data.")
        else:
            parts.append(f"the tightest SLO has {100 * worst:.0f} % of its error budget left;")
        parts.append(
            f"{summary['significant_burns']} significant burn(s), {summary['pages']} page(s) "
            f"({summary['noise_score']:.0%} of them noise)."
        )
        if summary.get("observed_pages"):
            parts.append(
                f"Alerts actually fired {summary['observed_pages']} time(s), "
                f"{summary['observed_noise_score']:.0%} of them on no significant burn."
            )
        for rec in summary["top_recommendations"]:
            impact = rec.get("page_reduction")
            saved = rec.get("budget_saved")
            extra = []
            if impact is not None:
                extra.append(f"{impact:.0%} fewer pages")
            if saved is not None:
                extra.append(f"{saved:.0%} of the budget saved")
            parts.append(f"Recommended: {rec['title']}" + (f" ({', '.join(extra)})." if extra else "."))
        return " ".join(parts)


_summariser: Summariser = TemplateSummariser()


def set_summariser(summariser: Summariser | None) -> None:
    global _summariser
    _summariser = summariser or TemplateSummariser()


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def findings(slos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for slo in slos:
        name = slo["slo"]["name"]
        remaining = slo["budget_remaining"]
        if remaining is not None and remaining <= 0:
            out.append({"severity": "critical", "slo_name": name, "title": f"{name}: error budget exhausted",
                        "detail": f"{100 * remaining:.0f} % of the budget left over the period."})  # fmt: skip
        elif remaining is not None and remaining < 0.25:
            out.append({"severity": "warning", "slo_name": name, "title": f"{name}: error budget at risk",
                        "detail": f"{100 * remaining:.0f} % of the budget left over the period."})  # fmt: skip
        for burn in slo["significant_burns"]:
            out.append({"severity": "warning", "slo_name": name, "title": f"{name}: significant burn",
                        "detail": f"{burn['minutes']} min burning from {_json(burn['start'])}."})  # fmt: skip
        for reg in slo["regressions"]:
            cause = (
                f"after {reg['version'] or reg['deployment_id']}"
                if reg["deployment_id"]
                else "no deploy nearby"
            )
            out.append({"severity": "critical" if reg["deployment_id"] else "warning", "slo_name": name,
                        "title": f"{name}: regression {cause}",
                        "detail": f"error rate {100 * reg['error_rate_before']:.3f} % -> "
                                  f"{100 * reg['error_rate_after']:.3f} % ({reg['ratio']}x)."})  # fmt: skip
        q = slo["alert_quality"]
        if q and q["pages"] and (q["precision"] or 0) < 0.5:
            out.append({"severity": "warning", "slo_name": name, "title": f"{name}: noisy alerting",
                        "detail": f"{q['pages']} pages ({q['pages_per_week']}/week), precision {q['precision']}."})  # fmt: skip
        rules = slo.get("alert_rules") or []
        for rule in rules if len(rules) > 1 else []:
            if rule["pages"] >= NOISY_PAGES and (rule["precision"] or 0) < 0.5:
                out.append({"severity": "warning", "slo_name": name, "title": f"{name}: rule {rule['name']} pages on noise",
                            "detail": f"replayed alone it paged {rule['pages']} times ({rule['pages_per_week']}/week), "
                                      f"precision {rule['precision'] or 0}."})  # fmt: skip
        if q and q["missed_burns"]:
            out.append({"severity": "critical", "slo_name": name, "title": f"{name}: alerting missed burns",
                        "detail": f"{q['missed_burns']} of {q['significant_burns']} significant burns never paged."})  # fmt: skip
        for alert in slo.get("observed_alerts") or []:
            if alert["pages"] >= NOISY_PAGES and (alert["precision"] or 0) < 0.5:
                out.append({"severity": "warning", "slo_name": name, "title": f"{name}: alert {alert['alert_name']} pages on noise",
                            "detail": f"it fired {alert['pages']} times ({alert['pages_per_week']}/week); "
                                      f"precision {alert['precision'] or 0} against this SLO's significant burns."})  # fmt: skip
        for incident in slo.get("incidents") or []:
            label = f"incident {incident['title']!r} ({incident['severity']})"
            if not incident["alerts_fired"] and not incident["declared_rules_paged"]:
                out.append({"severity": "critical", "slo_name": name, "title": f"{name}: nothing paged for {label}",
                            "detail": f"opened {_json(incident['started_at'])}: no alert fired from 30 minutes "
                                      "before it to its resolution, and the SLO's page rules would not have paged."})  # fmt: skip
            if not incident["significant_burn"]:
                out.append({"severity": "info", "slo_name": name, "title": f"{name}: {label} burned no budget",
                            "detail": "no significant burn overlaps it: the SLI may not measure what hurt, or "
                                      "the incident was not this SLO's."})  # fmt: skip
        deps = slo.get("dependencies") or {}
        if deps.get("bad_minutes") and deps["explained_share"] >= attribution.EXPLAINED_SHARE:
            top = ", ".join(
                f"{up} {100 * share:.0f} %" for up, share in list(deps["by_upstream"].items())[:3]
            )
            out.append({"severity": "info", "slo_name": name, "title": f"{name}: upstreams explain its bad minutes",
                        "detail": f"{100 * deps['explained_share']:.0f} % of {deps['bad_minutes']} bad minutes "
                                  f"coincide with an upstream's ({top}): fix or hedge those first."})  # fmt: skip
        load = slo.get("load_sensitivity")
        if load:
            out.append({"severity": "warning", "slo_name": name, "title": f"{name}: errors rise with load",
                        "detail": f"error rate {100 * load['busy_error_rate']:.3f} % in the busiest tenth of minutes "
                                  f"(>= {load['busy_events_per_minute']:g} events/min) vs "
                                  f"{100 * load['other_error_rate']:.3f} % otherwise (Spearman rho "
                                  f"{load['rho']}): a capacity, caching or pooling limit, not an alerting one."})  # fmt: skip
    return sorted(out, key=lambda f: SEVERITY[f["severity"]])


def hotspot_findings(hotspots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "severity": "warning",
            "slo_name": None,
            "title": f"hotspot: {spot['dimension']} {spot['value']}",
            "detail": f"{100 * spot['bad_share']:.0f} % of the bad events on {100 * spot['traffic_share']:.0f} % "
            f"of the traffic ({spot['lift']}x its share).",
        }
        for spot in hotspots
        if spot["lift"] >= HOTSPOT_LIFT
    ]


def _observed_noise(found: dict[str, Any], slos: list[dict[str, Any]]) -> tuple[int, int]:
    """Pages of the alerts that fired, each counted once for the service, and those that overlapped no
    SLO's significant burn (an alert may page for any of the service's SLOs)."""
    fired = found.get("fired") or {}
    if not fired:
        return 0, 0
    since: datetime = found["history"].since

    def minute(at: datetime) -> int:
        return int((at - since).total_seconds() // 60)

    burns = [
        quality.Episode(minute(b["start"]), minute(b["end"])) for s in slos for b in s["significant_burns"]
    ]
    pages = noise = 0
    for mask in fired.values():
        scored = quality.score(mask, burns)
        pages += scored.pages
        noise += round(scored.pages * (1 - (scored.precision or 0)))
    return pages, noise


def build(found: dict[str, Any], follow_ups: list[dict[str, Any]]) -> dict[str, Any]:
    """The report's JSON from :func:`flows.diagnose` and the re-checked follow-ups."""
    slos = [{k: v for k, v in slo.items() if k != "recommendations"} for slo in found["slos"]]
    recommendations = [rec for slo in found["slos"] for rec in slo["recommendations"]]
    ranked = sorted(
        recommendations,
        key=lambda r: (
            -((r["expected_impact"] or {}).get("page_reduction") or 0),
            -((r["expected_impact"] or {}).get("budget_saved") or 0),
        ),
    )
    pages = sum((s["alert_quality"] or {}).get("pages", 0) for s in slos)
    false_pages = sum(
        round(
            (s["alert_quality"] or {}).get("pages", 0)
            * (1 - ((s["alert_quality"] or {}).get("precision") or 0))
        )
        for s in slos
    )
    remaining = [s["budget_remaining"] for s in slos if s["budget_remaining"] is not None]
    observed_pages, observed_false = _observed_noise(found, slos)
    report = {
        "service": {"id": found["service"]["id"], "name": found["service"]["name"]},
        "period": found["period"],
        "executive_summary": {
            "worst_budget_remaining": min(remaining) if remaining else None,
            "significant_burns": sum(len(s["significant_burns"]) for s in slos),
            "pages": pages,
            "noise_score": round(false_pages / pages, 4) if pages else 0.0,
            "observed_pages": observed_pages,
            "observed_noise_score": round(observed_false / observed_pages, 4) if observed_pages else None,
            "top_recommendations": [
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "title": r["title"],
                    "page_reduction": (r["expected_impact"] or {}).get("page_reduction"),
                    "budget_saved": (r["expected_impact"] or {}).get("budget_saved"),
                }
                for r in ranked[:TOP]
            ],
            "note": "",
        },
        "slos": slos,
        "hotspots": found.get("hotspots", []),
        "findings": sorted(
            findings(slos) + hotspot_findings(found.get("hotspots", [])),
            key=lambda f: SEVERITY[f["severity"]],
        ),
        "recommendations": recommendations,
        "follow_ups": follow_ups,
    }
    report = _json(report)
    report["executive_summary"]["note"] = _summariser.summarise(report)
    return dict(report)


# -- charts -----------------------------------------------------------------------------------------------


MAX_CHARTED = 8  # lines (and alert lanes) a reader can still tell apart
MAX_POINTS = 4000  # altair inlines every point in the spec (its own limit is 5,000) and vl-convert draws each


def _blocks(values: np.ndarray, width: int) -> np.ndarray:
    """Sums over consecutive blocks of ``width`` minutes (a partial last block is left out)."""
    usable = (values.size // width) * width
    return np.asarray(values[:usable].reshape(-1, width).sum(axis=1))


def _step_hours(series: int, hours: int) -> int:
    """Hours per point so that ``series`` lines over ``hours`` stay within MAX_POINTS."""
    return max(1, -(-series * hours // MAX_POINTS))


def charted(found: dict[str, Any]) -> list[dict[str, Any]]:
    """The SLOs the charts draw: all of them, or the MAX_CHARTED with the least budget left."""
    objectives = service_objectives(found)
    if len(objectives) <= MAX_CHARTED:
        return objectives
    left = {d["slo"]["name"]: d["budget_remaining"] for d in found.get("slos") or []}
    return sorted(
        objectives, key=lambda o: (left.get(o["name"]) is None, left.get(o["name"]) or 0.0, o["name"])
    )[:MAX_CHARTED]


def charts(found: dict[str, Any]) -> dict[str, alt.TopLevelMixin]:
    """Budget burn-down, burn rate (hourly, or coarser for long periods and many SLOs) and the alert
    timeline against deploys; a service with more SLOs than MAX_CHARTED shows those with the least budget
    left."""
    hist: history.History = found["history"]
    drawn = charted(found)
    step = _step_hours(len(drawn), hist.minutes // 60)
    hours = pd.date_range(hist.since, periods=hist.minutes // (60 * step), freq=f"{step}h")
    which = (
        f" ({len(drawn)} of {len(service_objectives(found))} SLOs, least budget left)"
        if len(drawn) < len(service_objectives(found))
        else ""
    )
    burndown, burn = [], []
    for slo in drawn:
        good, total = service.slo_series(slo, hist)
        objective = service.objective(slo)
        g, t = _blocks(good, 60 * step), _blocks(total, 60 * step)
        bad = t - g
        allowance = (
            max(t.sum(), 1.0)
            * (objective.window_days * 1440 / max(hist.minutes, 1))
            * objective.allowed_error
        )
        burndown.append(
            pd.DataFrame({"time": hours, "remaining": 1 - np.cumsum(bad) / allowance, "slo": slo["name"]})
        )
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(t > 0, bad / np.where(t > 0, t, 1) / objective.allowed_error, np.nan)
        burn.append(pd.DataFrame({"time": hours, "burn_rate": rate, "slo": slo["name"]}))
    base = alt.Chart().properties(width=640, height=180)
    out: dict[str, alt.TopLevelMixin] = {}
    if burndown:
        frame = pd.concat(burndown)
        out["budget_burndown"] = (
            base.mark_line()
            .encode(
                x=alt.X("time:T", title="Time (UTC)"),
                y=alt.Y("remaining:Q", title="Budget remaining", axis=alt.Axis(format="%")),
                color=alt.Color("slo:N", title="SLO"),
            )
            .properties(data=frame, title=f"Error budget burn-down{which}")
        )
        frame = pd.concat(burn).dropna()
        out["burn_rate"] = (
            base.mark_line()
            .encode(
                x=alt.X("time:T", title="Time (UTC)"),
                y=alt.Y(
                    "burn_rate:Q", title=f"Burn rate (per {step} h)" if step > 1 else "Burn rate (hourly)"
                ),
                color=alt.Color("slo:N", title="SLO"),
            )
            .properties(data=frame, title=f"Burn rate{which}")
        )
    episodes = []
    noisiest = sorted(
        (found.get("fired") or {}).items(), key=lambda kv: (-len(quality.episodes(kv[1])), kv[0])
    )[:MAX_CHARTED]
    # Bars closer than this are one bar at 640 px anyway; it bounds the bars to MAX_POINTS however an alert flaps.
    lanes = 2 * len(drawn) + len(noisiest)
    gap = -(-lanes * hist.minutes // MAX_POINTS)
    for slo in drawn:
        good, total = service.slo_series(slo, hist)
        objective = service.objective(slo)
        rules = doctor.to_rules(slo.get("alerting") or [], objective)
        for name, rule_set in (("current", rules), ("workbook", None)):
            firing = quality.replay(
                good, total, objective, rule_set if rule_set is not None else doctor.budget.WORKBOOK_POLICY
            )
            for ep in quality.episodes(firing, merge_gap=gap):
                episodes.append(
                    {"start": hist.at(ep.start), "end": hist.at(ep.end), "lane": f"{slo['name']} · {name}"}
                )
    for alert_name, firing in sorted(noisiest):
        for ep in quality.episodes(firing, merge_gap=gap):
            episodes.append(
                {"start": hist.at(ep.start), "end": hist.at(ep.end), "lane": f"{alert_name} · fired"}
            )
    deploys = pd.DataFrame(
        [
            {"time": hist.at(d.minute), "deploy": hist.versions.get(d.deploy_id, d.deploy_id)}
            for d in sorted(hist.deploys, key=lambda d: d.minute)
            if d.minute >= 0
        ][-MAX_POINTS // 4 :]  # the latest thousand: more rules than pixels would be one grey band anyway
    )
    lanes = (
        alt.Chart(pd.DataFrame(episodes or [{"start": hist.since, "end": hist.since, "lane": "none"}]))
        .mark_bar()
        .encode(
            x=alt.X(
                "start:T",
                title="Time (UTC)",
                scale=alt.Scale(domain=[hist.since.isoformat(), hist.until.isoformat()]),
            ),
            x2="end:T",
            y=alt.Y("lane:N", title=None),
        )
    )
    layers = [lanes]
    if not deploys.empty:
        layers.append(
            alt.Chart(deploys)
            .mark_rule(color="#8b0000", strokeDash=[4, 3])
            .encode(x="time:T", tooltip=["deploy:N"])
        )
    out["alert_timeline"] = alt.layer(*layers).properties(
        width=640, height=140, title="Pages (replayed and fired) vs deploys"
    )
    return out


def service_objectives(found: dict[str, Any]) -> list[dict[str, Any]]:
    return list(found.get("objectives") or [])


def svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert

    # the spec is ours and fixed; validating it against the Vega-Lite schema costs as much as drawing it
    return str(vl_convert.vegalite_to_svg(chart.to_dict(validate=False)))


# -- renderings -------------------------------------------------------------------------------------------


def _pct(value: Any) -> str:
    return "-" if value is None else f"{100 * float(value):.1f} %"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def _md(text: Any) -> str:
    """Text from the data (names, labels, alert names) inert in Markdown: no link, table cell or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _href(url: str) -> str:
    """A link target that cannot leave its ``<…>``: spaces, angle brackets and controls percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


def markdown(report: dict[str, Any], svgs: dict[str, str]) -> str:
    summary = report["executive_summary"]
    lines = [f"# Health report: {_md(report['service']['name'])}", "",
             f"{report['period']['since']} to {report['period']['until']} ({report['period']['days']} days)", "",
             "## Executive summary", "", _md(summary["note"]), "",
             f"- Tightest budget remaining: {_pct(summary['worst_budget_remaining'])}",
             f"- Significant burns: {summary['significant_burns']}",
             f"- Pages (declared rules, replayed): {summary['pages']} (noise score {_pct(summary['noise_score'])})",
             f"- Alerts that fired: {summary['observed_pages']} (noise score {_pct(summary['observed_noise_score'])})",
             ""]  # fmt: skip
    if summary["top_recommendations"]:
        lines += ["| Top recommendation | Pager reduction | Budget saved |", "| --- | --- | --- |"]
        for rec in summary["top_recommendations"]:
            lines.append(
                f"| {_md(rec['title'])} | {_pct(rec['page_reduction'])} | {_pct(rec['budget_saved'])} |"
            )
        lines.append("")
    for name, image in svgs.items():
        data = base64.b64encode(image.encode()).decode()
        lines += [f"![{name.replace('_', ' ')}](data:image/svg+xml;base64,{data})", ""]
    lines += ["## Findings", ""]
    lines += [f"- **{f['severity']}** {_md(f['title'])}: {_md(f['detail'])}" for f in report["findings"]] or [
        "None."
    ]
    lines += ["", "## Recommendations", ""]
    for rec in report["recommendations"]:
        lines += [f"### {_md(rec['title'])}", "", _md(rec["summary"]), "",
                  f"Confidence: {rec['confidence']} ({rec['confidence_score']}). Id: `{rec['id']}`", ""]  # fmt: skip
        impact = rec.get("expected_impact")
        if impact:
            lines += [f"Backtest: pages {impact['pages_before']} -> {impact['pages_after']}, significant burns "
                      f"missed {impact['significant_burns_missed_before']} -> "
                      f"{impact['significant_burns_missed_after']}, budget saved {_pct(impact['budget_saved'])}.", ""]  # fmt: skip
        lines += [f"- {_md(e)}" for e in rec["evidence"]]
        lines += [f"- [{_md(link['title'])}](<{_href(link['href'])}>)" for link in rec["links"]]
        lines.append("")
    if not report["recommendations"]:
        lines += ["None.", ""]
    lines += ["## Follow-ups", ""]
    for fup in report["follow_ups"]:
        check = fup.get("last_check") or {}
        lines.append(f"- {_md(fup['title'])} — owner {_md(fup['owner'])}, due {fup['due_date']}: {fup['status']} "
                     f"({check.get('result', 'not checked')}, `{fup['verification'].get('query', '')}`)")  # fmt: skip
    if not report["follow_ups"]:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def render_html(report: dict[str, Any], svgs: dict[str, str]) -> str:
    e = html.escape
    summary = report["executive_summary"]
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        f"<title>Health report: {e(report['service']['name'])}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}"
        ".critical{color:#8b0000}.warning{color:#8a6d00}</style></head><body>",
        f"<h1>Health report: {e(report['service']['name'])}</h1>",
        f"<p>{e(str(report['period']['since']))} to {e(str(report['period']['until']))}</p>",
        "<h2>Executive summary</h2>",
        f"<p>{e(summary['note'])}</p><ul>",
        f"<li>Tightest budget remaining: {_pct(summary['worst_budget_remaining'])}</li>",
        f"<li>Significant burns: {summary['significant_burns']}</li>",
        f"<li>Pages (declared rules, replayed): {summary['pages']} (noise score {_pct(summary['noise_score'])})</li>",
        f"<li>Alerts that fired: {summary['observed_pages']} "
        f"(noise score {_pct(summary['observed_noise_score'])})</li></ul>",
    ]
    if summary["top_recommendations"]:
        parts.append(
            "<table><tr><th>Top recommendation</th><th>Pager reduction</th><th>Budget saved</th></tr>"
        )
        for rec in summary["top_recommendations"]:
            parts.append(f"<tr><td>{e(rec['title'])}</td><td>{_pct(rec['page_reduction'])}</td>"
                         f"<td>{_pct(rec['budget_saved'])}</td></tr>")  # fmt: skip
        parts.append("</table>")
    for name, image in svgs.items():
        parts.append(f'<figure aria-label="{e(name.replace("_", " "))}">{image}</figure>')
    parts.append("<h2>Findings</h2><ul>")
    parts += [f"<li class=\"{f['severity']}\"><strong>{e(f['title'])}</strong>: {e(f['detail'])}</li>"
              for f in report["findings"]]  # fmt: skip
    parts.append("</ul><h2>Recommendations</h2>")
    for rec in report["recommendations"]:
        parts.append(f"<section><h3>{e(rec['title'])}</h3><p>{e(rec['summary'])}</p>"
                     f"<p>Confidence: {e(rec['confidence'])} ({rec['confidence_score']})</p>")  # fmt: skip
        impact = rec.get("expected_impact")
        if impact:
            parts.append(f"<p>Backtest: pages {impact['pages_before']} → {impact['pages_after']}, significant "
                         f"burns missed {impact['significant_burns_missed_before']} → "
                         f"{impact['significant_burns_missed_after']}, budget saved {_pct(impact['budget_saved'])}.</p>")  # fmt: skip
        parts.append("<ul>")
        parts += [f"<li>{e(item)}</li>" for item in rec["evidence"]]
        parts += [f'<li><a href="{e(link["href"])}">{e(link["title"])}</a></li>' for link in rec["links"]]
        parts.append("</ul></section>")
    parts.append("<h2>Follow-ups</h2><ul>")
    for fup in report["follow_ups"]:
        parts.append(f"<li>{e(fup['title'])}: owner {e(fup['owner'])}, due {e(fup['due_date'])}, "
                     f"{e(fup['status'])}</li>")  # fmt: skip
    parts.append("</ul></body></html>")
    return "\n".join(parts)


def render(found: dict[str, Any], report: dict[str, Any], *, with_charts: bool = True) -> tuple[str, str]:
    svgs = {name: svg(chart) for name, chart in charts(found).items()} if with_charts else {}
    return markdown(report, svgs), render_html(report, svgs)


ProgressFn = Callable[[int, int], None]
