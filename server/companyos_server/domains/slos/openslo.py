"""OpenSLO v1 (https://github.com/OpenSLO/OpenSLO, ``apiVersion: openslo/v1``) to and from CompanyOS SLOs.

Kinds read: ``Service``, ``SLI``, ``SLO``, ``AlertPolicy``, ``AlertCondition``; an SLO's indicator, alert
policies and their conditions may be inline or referenced by name (``indicatorRef``, ``alertPolicyRef``,
``conditionRef``). Export writes the referenced form: one ``Service``, then per SLO its ``SLI``, its
``AlertPolicy`` documents and their ``AlertCondition`` documents, then the ``SLO``.

Lossless for what both models share: names, display names, descriptions, labels, the ratio or threshold
indicator with its metric source specs (kept verbatim), one objective (``target`` or ``targetPercent``,
``op``/``value`` for thresholds), a rolling 7, 28 or 30-day window, ``Occurrences`` or ``Timeslices``
budgeting (``timeSliceTarget``/``timeSliceWindow``), burn-rate alert conditions and their policies' flags.
CompanyOS-only fields travel as ``companyos.io/…`` annotations (SLI type, endpoint, a rule's short window).

Refused, each named in the problem's ``errors[]``: other kinds (``DataSource``,
``AlertNotificationTarget``), other API versions, calendar windows, ``RatioTimeslices`` budgeting, several
objectives, composite SLOs, ``metricSourceRef``, notification targets, non-``burnrate`` conditions and
``lt``/``lte`` burn-rate comparisons. Nothing is stored unless every document is accepted.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from companyos_server import errors
from companyos_server.domains.slos import service, store
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow

API_VERSION = "openslo/v1"
KINDS = ("Service", "SLI", "SLO", "AlertPolicy", "AlertCondition")
ANNOTATION = "companyos.io/"
_DURATION = re.compile(r"^(\d+)([smhdw])$")
_UNIT_MINUTES = {"s": 1 / 60, "m": 1, "h": 60, "d": 1440, "w": 10080}
MAX_DOCUMENTS = 500

FieldError = errors.FieldError


class _Problems(list[FieldError]):
    def add(self, field: str, message: str) -> None:
        self.append(FieldError(field, message))


def minutes(text: Any) -> int | None:
    match = _DURATION.match(str(text or ""))
    if not match:
        return None
    value = int(match.group(1)) * _UNIT_MINUTES[match.group(2)]
    return int(value) if value >= 1 and value == int(value) else None


def duration(minutes_: int) -> str:
    for unit, size in (("d", 1440), ("h", 60)):
        if minutes_ % size == 0:
            return f"{minutes_ // size}{unit}"
    return f"{minutes_}m"


@functools.cache
def _slo_create_validator() -> Any:
    """The contract's ``SloCreate`` schema: an imported SLO must be one the API would accept."""
    import jsonschema

    from companyos_server.platform.spec import bundled_spec_path

    document = json.loads(bundled_spec_path().read_text(encoding="utf-8"))
    schema = {**document["components"]["schemas"]["SloCreate"], "components": document["components"]}
    return jsonschema.Draft4Validator(_nullable(schema))


def _nullable(node: Any) -> Any:
    """OpenAPI 3.0 ``nullable: true`` as JSON Schema (``type`` also admits null)."""
    if isinstance(node, dict):
        out = {k: _nullable(v) for k, v in node.items() if k != "nullable"}
        if node.get("nullable") and "type" in node:
            out["type"] = [node["type"], "null"]
        if node.get("nullable") and "$ref" in node:
            return {"anyOf": [{"$ref": node["$ref"]}, {"type": "null"}]}
        return out
    if isinstance(node, list):
        return [_nullable(v) for v in node]
    return node


def _shape_problems(body: dict[str, Any], at: str) -> list[FieldError]:
    found = []
    for error in sorted(_slo_create_validator().iter_errors(body), key=lambda e: list(e.path)):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.path)
        found.append(FieldError(f"{at}{path}", error.message[:200]))
    return found[:20]


# -- import -----------------------------------------------------------------------------------------------


def parse(documents: list[Any], service_name: str) -> list[dict[str, Any]]:
    """The SLO bodies (as ``create_slo`` takes them) that ``documents`` describe, or a 400 naming every
    unsupported construct."""
    problems = _Problems()
    if not documents:
        problems.add("documents", "holds no OpenSLO document")
    by_kind: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {kind: {} for kind in KINDS}
    for i, doc in enumerate(documents):
        at = f"documents[{i}]"
        if not isinstance(doc, dict):
            problems.add(at, "is not an object")
            continue
        if doc.get("apiVersion") != API_VERSION:
            problems.add(f"{at}.apiVersion", f"must be {API_VERSION} (got {doc.get('apiVersion')!r})")
            continue
        kind = doc.get("kind")
        if kind not in KINDS:
            problems.add(f"{at}.kind", f"{kind!r} is not supported (supported: {', '.join(KINDS)})")
            continue
        metadata = doc.get("metadata")
        name = metadata.get("name") if isinstance(metadata, dict) else None
        if not isinstance(name, str) or not name:
            problems.add(f"{at}.metadata.name", "is required")
            continue
        if name in by_kind[kind]:
            problems.add(f"{at}.metadata.name", f"repeats the {kind} {name!r}")
            continue
        by_kind[kind][name] = (at, doc)
    for name, (at, _) in by_kind["Service"].items():
        if name != service_name:
            problems.add(f"{at}.metadata.name", f"names service {name!r}, not {service_name!r}")
    bodies = []
    for _, (at, doc) in by_kind["SLO"].items():
        try:
            body = _slo(doc, at, by_kind, service_name, problems)
        except (AttributeError, TypeError, ValueError, KeyError, IndexError) as exc:
            # a field of the wrong shape (a list where an object belongs, text where a number does)
            problems.add(at, f"is malformed ({type(exc).__name__}: {exc})"[:300])
            continue
        if body is not None:
            bodies.append(body)
    if not by_kind["SLO"] and not problems:
        problems.add("documents", "holds no SLO document")
    for i, body in enumerate(bodies):
        shape = _shape_problems(body, f"slos[{i}]")
        problems.extend(shape or service.validate(body, f"slos[{i}]"))
    if problems:
        raise errors.invalid_argument(
            f"{len(problems)} OpenSLO construct(s) cannot be imported; nothing was stored. "
            f"First: {problems[0].field} {problems[0].message}.",
            list(problems),
        )
    return bodies


def _labels(metadata: dict[str, Any], at: str, problems: _Problems) -> dict[str, str]:
    labels = metadata.get("labels") or {}
    out: dict[str, str] = {}
    for key, value in labels.items():
        if isinstance(value, str):
            out[key] = value
        elif isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            out[key] = value[0]
        else:
            problems.add(f"{at}.metadata.labels.{key}", "must be a string (or a list of one string)")
    return out


def _metric_source(spec: Any, at: str, problems: _Problems) -> tuple[str | None, dict[str, Any] | None]:
    source = (spec or {}).get("metricSource") if isinstance(spec, dict) else None
    if not isinstance(source, dict):
        problems.add(at, "needs a metricSource")
        return None, None
    if "metricSourceRef" in source:
        problems.add(f"{at}.metricSource.metricSourceRef", "DataSource references are not supported")
        return None, None
    return source.get("type"), dict(source.get("spec") or {})


def _indicator(sli: dict[str, Any], at: str, problems: _Problems) -> dict[str, Any]:
    metadata = sli.get("metadata") or {}
    spec = sli.get("spec") or {}
    indicator: dict[str, Any] = {"name": metadata.get("name", "")}
    if metadata.get("displayName"):
        indicator["display_name"] = metadata["displayName"]
    if spec.get("description"):
        indicator["description"] = spec["description"]
    annotations = metadata.get("annotations") or {}
    for key in ("endpoint", "task"):
        if annotations.get(ANNOTATION + key):
            indicator[key] = annotations[ANNOTATION + key]
    source: dict[str, Any] = {}
    if "ratioMetric" in spec:
        ratio = spec["ratioMetric"] or {}
        indicator["kind"] = "ratio"
        if "counter" in ratio:
            indicator["counter"] = bool(ratio["counter"])
        if "raw" in ratio or "rawType" in ratio:
            problems.add(f"{at}.spec.ratioMetric.raw", "raw ratio metrics are not supported")
        for part in ("good", "bad", "total"):
            if part in ratio:
                kind, part_spec = _metric_source(ratio[part], f"{at}.spec.ratioMetric.{part}", problems)
                source["type"] = kind
                source[part] = part_spec
        if "total" not in ratio or not ({"good", "bad"} & ratio.keys()):
            problems.add(f"{at}.spec.ratioMetric", "needs total and one of good or bad")
    elif "thresholdMetric" in spec:
        indicator["kind"] = "threshold"
        kind, part_spec = _metric_source(spec["thresholdMetric"], f"{at}.spec.thresholdMetric", problems)
        source["type"] = kind
        source["query"] = part_spec
    else:
        problems.add(f"{at}.spec", "needs ratioMetric or thresholdMetric")
    indicator["metric_source"] = source
    return indicator


def _resolve(
    item: Any, ref_key: str, kind: str, at: str, by_kind: dict[str, Any], problems: _Problems
) -> tuple[str, dict[str, Any]] | None:
    if isinstance(item, dict) and ref_key in item:
        found = by_kind[kind].get(item[ref_key])
        if found is None:
            problems.add(f"{at}.{ref_key}", f"names no {kind} document ({item[ref_key]!r})")
            return None
        return found  # type: ignore[no-any-return]
    if isinstance(item, dict) and item.get("kind", kind) == kind and "spec" in item:
        return at, item
    problems.add(at, f"must be an inline {kind} or a {ref_key}")
    return None


def _slo(
    doc: dict[str, Any], at: str, by_kind: dict[str, Any], service_name: str, problems: _Problems
) -> dict[str, Any] | None:
    metadata = doc.get("metadata") or {}
    spec = doc.get("spec") or {}
    annotations = metadata.get("annotations") or {}
    if spec.get("service") != service_name:
        problems.add(f"{at}.spec.service", f"names {spec.get('service')!r}, not {service_name!r}")
    for unsupported in ("compositeWeight", "indicators"):
        if unsupported in spec:
            problems.add(f"{at}.spec.{unsupported}", "composite SLOs are not supported")
    windows = spec.get("timeWindow") or []
    window_days = 28
    if len(windows) != 1:
        problems.add(f"{at}.spec.timeWindow", "must hold exactly one window")
    else:
        window = windows[0] or {}
        if "calendar" in window or window.get("isRolling") is False:
            problems.add(f"{at}.spec.timeWindow[0]", "calendar windows are not supported (rolling only)")
        days = (minutes(window.get("duration")) or 0) / 1440
        if days not in service.WINDOWS:
            problems.add(f"{at}.spec.timeWindow[0].duration", "must be 7d, 28d or 30d")
        else:
            window_days = int(days)
    method = spec.get("budgetingMethod", "Occurrences")
    if method not in ("Occurrences", "Timeslices"):
        problems.add(f"{at}.spec.budgetingMethod", f"{method!r} is not supported (Occurrences, Timeslices)")
    objectives = spec.get("objectives") or []
    if len(objectives) != 1:
        problems.add(f"{at}.spec.objectives", f"must hold exactly one objective (got {len(objectives)})")
        return None
    goal = objectives[0] or {}
    if "target" in goal:
        percent = round(float(goal["target"]) * 100, 6)
    elif "targetPercent" in goal:
        percent = float(goal["targetPercent"])
    else:
        problems.add(f"{at}.spec.objectives[0]", "needs target or targetPercent")
        return None
    for unsupported in ("indicator", "indicatorRef", "compositeWeight"):
        if unsupported in goal:
            problems.add(
                f"{at}.spec.objectives[0].{unsupported}", "per-objective indicators are not supported"
            )
    if "indicatorRef" in spec:
        found = by_kind["SLI"].get(spec["indicatorRef"])
        if found is None:
            problems.add(f"{at}.spec.indicatorRef", f"names no SLI document ({spec['indicatorRef']!r})")
            return None
        sli_at, sli = found
    elif isinstance(spec.get("indicator"), dict):
        sli_at, sli = f"{at}.spec.indicator", spec["indicator"]
    else:
        problems.add(f"{at}.spec", "needs indicator or indicatorRef")
        return None
    indicator = _indicator(sli, sli_at, problems)
    sli_type = annotations.get(ANNOTATION + "sli-type")
    if sli_type is None:
        if indicator.get("kind") == "threshold":
            sli_type = "latency"
        else:
            sli_type = "error_rate" if "bad" in indicator.get("metric_source", {}) else "availability"
    if indicator.get("kind") == "threshold" or "op" in goal or "value" in goal:
        indicator["op"] = goal.get("op", "lte")
        if "value" in goal:
            key = "max_age_seconds" if sli_type == "freshness" else "threshold_ms"
            indicator[key] = goal["value"]
    if goal.get("displayName"):
        indicator["objective_display_name"] = goal["displayName"]
    body: dict[str, Any] = {
        "name": metadata["name"],
        "display_name": metadata.get("displayName") or "",
        "description": spec.get("description") or "",
        "sli_type": sli_type,
        "objective": percent,
        "window_days": window_days,
        "budgeting_method": "timeslices" if method == "Timeslices" else "occurrences",
        "indicator": indicator,
        "labels": _labels(metadata, at, problems),
        "alerting": _alerting(spec.get("alertPolicies") or [], f"{at}.spec.alertPolicies", by_kind, problems),
    }
    static = annotations.get(ANNOTATION + "static-alerts")
    if static:
        try:
            extra = json.loads(static)
            assert isinstance(extra, list) and all(isinstance(r, dict) for r in extra)
            body["alerting"] = [*extra, *body["alerting"]]
        except (ValueError, AssertionError):
            problems.add(
                f"{at}.metadata.annotations", f"{ANNOTATION}static-alerts is not a JSON list of rules"
            )
    if method == "Timeslices":
        window_minutes = minutes(goal.get("timeSliceWindow"))
        if "timeSliceTarget" not in goal or window_minutes is None:
            problems.add(f"{at}.spec.objectives[0]", "Timeslices needs timeSliceTarget and timeSliceWindow")
        else:
            body["timeslice"] = {
                "target": round(float(goal["timeSliceTarget"]) * 100, 6),
                "window_minutes": window_minutes,
            }
    return body


def _alerting(
    policies: list[Any], at: str, by_kind: dict[str, Any], problems: _Problems
) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for i, item in enumerate(policies):
        found = _resolve(item, "alertPolicyRef", "AlertPolicy", f"{at}[{i}]", by_kind, problems)
        if found is None:
            continue
        policy_at, policy = found
        spec = policy.get("spec") or {}
        if spec.get("notificationTargets"):
            problems.add(f"{policy_at}.spec.notificationTargets", "notification targets are not supported")
        policy_meta = {
            "name": (policy.get("metadata") or {}).get("name"),
            "display_name": (policy.get("metadata") or {}).get("displayName") or "",
            "description": spec.get("description") or "",
            "alert_when_no_data": bool(spec.get("alertWhenNoData", False)),
            "alert_when_resolved": bool(spec.get("alertWhenResolved", False)),
            "alert_when_breaching": bool(spec.get("alertWhenBreaching", True)),
        }
        for j, cond_item in enumerate(spec.get("conditions") or []):
            cond_found = _resolve(
                cond_item,
                "conditionRef",
                "AlertCondition",
                f"{policy_at}.spec.conditions[{j}]",
                by_kind,
                problems,
            )
            if cond_found is None:
                continue
            cond_at, cond = cond_found
            rule = _rule(cond, cond_at, problems)
            if rule is not None:
                rules.append({**rule, "policy": policy_meta})
    return rules


def _rule(cond: dict[str, Any], at: str, problems: _Problems) -> dict[str, Any] | None:
    metadata = cond.get("metadata") or {}
    spec = cond.get("spec") or {}
    condition = spec.get("condition") or {}
    if condition.get("kind") != "burnrate":
        problems.add(
            f"{at}.spec.condition.kind", f"{condition.get('kind')!r} is not supported (burnrate only)"
        )
        return None
    if condition.get("op", "gte") not in ("gte", "gt"):
        problems.add(f"{at}.spec.condition.op", "a burn-rate condition fires at gte or gt only")
    long = minutes(condition.get("lookbackWindow"))
    if long is None:
        problems.add(f"{at}.spec.condition.lookbackWindow", "must be a duration such as 1h")
        return None
    annotations = metadata.get("annotations") or {}
    short = minutes(annotations.get(ANNOTATION + "short-window")) or max(long // 12, 1)
    severity = str(spec.get("severity") or "page")
    rule: dict[str, Any] = {
        "name": metadata.get("name"),
        "kind": "burn_rate",
        "action": "ticket" if severity == "ticket" else "page",
        "severity": severity,
        "burn_rate": float(condition.get("threshold", 0)),
        "long_window_minutes": long,
        "short_window_minutes": short,
        "op": condition.get("op", "gte"),
    }
    if metadata.get("displayName"):
        rule["display_name"] = metadata["displayName"]
    if spec.get("description"):
        rule["description"] = spec["description"]
    if condition.get("alertAfter"):
        rule["alert_after_minutes"] = minutes(condition["alertAfter"])
    return rule


def import_documents(
    db: Database, ctx: TenantContext, service_id: str, documents: list[Any], *, replace: bool = False
) -> dict[str, Any]:
    """Create (or, with ``replace``, overwrite same-named) SLOs from OpenSLO documents; all or nothing."""
    if len(documents) > MAX_DOCUMENTS:
        raise errors.invalid_argument(f"At most {MAX_DOCUMENTS} documents per import.")
    with db.session() as session:
        owner = service.require_service(session, ctx.tenant_id, service_id)
        bodies = parse(documents, owner.name)
        created, replaced = [], []
        for body in bodies:
            existing = store.slo_by_name(session, ctx.tenant_id, service_id, body["name"])
            if existing is not None and not replace:
                raise errors.already_exists("SLO", body["name"])
            if existing is not None:
                service._apply(existing, {"timeslice": None, **body})
                existing.revision += 1
                existing.updated_at = utcnow()
                replaced.append(service.to_dict(existing))
            else:
                created.append(service.to_dict(service.create_in(session, ctx.tenant_id, service_id, body)))
        return {"created": created, "replaced": replaced}


# -- export -----------------------------------------------------------------------------------------------


def _meta(name: str, display_name: str = "", **extra: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name}
    if display_name:
        meta["displayName"] = display_name
    meta.update({k: v for k, v in extra.items() if v})
    return meta


def _source(kind: Any, spec: Any) -> dict[str, Any]:
    return {"metricSource": {**({"type": kind} if kind else {}), "spec": dict(spec or {})}}


def export_slo(slo: dict[str, Any], service_name: str) -> list[dict[str, Any]]:
    """One SLO as its SLI, AlertPolicy, AlertCondition and SLO documents (static rules, which OpenSLO
    cannot express, travel as a JSON annotation)."""
    indicator = dict(slo.get("indicator") or {})
    source = indicator.get("metric_source") or {}
    sli_name = indicator.get("name") or f"{slo['name']}-sli"
    sli_annotations = {ANNOTATION + k: indicator[k] for k in ("endpoint", "task") if indicator.get(k)}
    sli_spec: dict[str, Any] = {}
    if indicator.get("description"):
        sli_spec["description"] = indicator["description"]
    if indicator.get("kind") == "threshold":
        sli_spec["thresholdMetric"] = _source(source.get("type"), source.get("query"))
    else:
        ratio: dict[str, Any] = {}
        if "counter" in indicator:
            ratio["counter"] = indicator["counter"]
        for part in ("good", "bad", "total"):
            if part in source:
                ratio[part] = _source(source.get("type"), source[part])
        sli_spec["ratioMetric"] = ratio
    documents: list[dict[str, Any]] = [
        {
            "apiVersion": API_VERSION,
            "kind": "SLI",
            "metadata": _meta(sli_name, indicator.get("display_name", ""), annotations=sli_annotations),
            "spec": sli_spec,
        }
    ]
    policies: dict[str, dict[str, Any]] = {}
    static = []
    for rule in slo.get("alerting") or []:
        if rule.get("kind") != "burn_rate":
            static.append(rule)
            continue
        policy = rule.get("policy") or {"name": f"{slo['name']}-{rule['action']}"}
        entry = policies.setdefault(policy["name"], {"policy": policy, "conditions": []})
        cond_spec: dict[str, Any] = {}
        if rule.get("severity") or rule.get("action"):
            cond_spec["severity"] = rule.get("severity") or rule["action"]
        if rule.get("description"):
            cond_spec["description"] = rule["description"]
        condition: dict[str, Any] = {
            "kind": "burnrate",
            "op": rule.get("op", "gte"),
            "threshold": rule["burn_rate"],
            "lookbackWindow": duration(int(rule["long_window_minutes"])),
        }
        if rule.get("alert_after_minutes"):
            condition["alertAfter"] = duration(int(rule["alert_after_minutes"]))
        cond_spec["condition"] = condition
        entry["conditions"].append(
            {
                "apiVersion": API_VERSION,
                "kind": "AlertCondition",
                "metadata": _meta(
                    rule["name"],
                    rule.get("display_name", ""),
                    annotations={ANNOTATION + "short-window": duration(int(rule["short_window_minutes"]))},
                ),
                "spec": cond_spec,
            }
        )
    for name, entry in policies.items():
        policy = entry["policy"]
        policy_spec: dict[str, Any] = {}
        if policy.get("description"):
            policy_spec["description"] = policy["description"]
        policy_spec.update(
            alertWhenNoData=bool(policy.get("alert_when_no_data", False)),
            alertWhenResolved=bool(policy.get("alert_when_resolved", False)),
            alertWhenBreaching=bool(policy.get("alert_when_breaching", True)),
            conditions=[{"conditionRef": c["metadata"]["name"]} for c in entry["conditions"]],
        )
        documents.extend(entry["conditions"])
        documents.append(
            {
                "apiVersion": API_VERSION,
                "kind": "AlertPolicy",
                "metadata": _meta(name, policy.get("display_name", "")),
                "spec": policy_spec,
            }
        )
    goal: dict[str, Any] = {"target": round(float(slo["objective"]) / 100.0, 8)}
    if indicator.get("objective_display_name"):
        goal = {"displayName": indicator["objective_display_name"], **goal}
    if "op" in indicator:
        goal["op"] = indicator["op"]
    value = (
        indicator.get("max_age_seconds") if slo["sli_type"] == "freshness" else indicator.get("threshold_ms")
    )
    if value is not None:
        goal["value"] = value
    if slo.get("budgeting_method") == "timeslices" and slo.get("timeslice"):
        goal["timeSliceTarget"] = round(float(slo["timeslice"]["target"]) / 100.0, 8)
        goal["timeSliceWindow"] = duration(int(slo["timeslice"]["window_minutes"]))
    annotations = {ANNOTATION + "sli-type": slo["sli_type"]}
    if static:
        annotations[ANNOTATION + "static-alerts"] = json.dumps(static, sort_keys=True)
    slo_spec: dict[str, Any] = {}
    if slo.get("description"):
        slo_spec["description"] = slo["description"]
    slo_spec.update(
        service=service_name,
        indicatorRef=sli_name,
        timeWindow=[{"duration": f"{slo['window_days']}d", "isRolling": True}],
        budgetingMethod="Timeslices" if slo.get("budgeting_method") == "timeslices" else "Occurrences",
        objectives=[goal],
    )
    if policies:
        slo_spec["alertPolicies"] = [{"alertPolicyRef": name} for name in policies]
    documents.append(
        {
            "apiVersion": API_VERSION,
            "kind": "SLO",
            "metadata": _meta(
                slo["name"],
                slo.get("display_name", ""),
                labels=dict(slo.get("labels") or {}),
                annotations=annotations,
            ),
            "spec": slo_spec,
        }
    )
    return documents


def export_documents(db: Database, ctx: TenantContext, service_id: str) -> dict[str, Any]:
    with db.session() as session:
        owner = service.require_service(session, ctx.tenant_id, service_id)
        slos = [service.to_dict(row) for row in store.slos_of(session, ctx.tenant_id, service_id)]
        return {"documents": export_service(owner.name, owner.description, slos)}


def export_service(name: str, description: str, slos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    service_doc: dict[str, Any] = {"apiVersion": API_VERSION, "kind": "Service", "metadata": {"name": name}}
    service_doc["spec"] = {"description": description} if description else {}
    documents = [service_doc]
    seen: set[str] = set()
    for slo in slos:
        for document in export_slo(slo, name):
            # SLOs sharing an SLI (the same indicator at two objectives or windows) share its document:
            # OpenSLO names are unique per kind, and an import refuses a repeated one.
            key = json.dumps(document, sort_keys=True, default=str)
            if document["kind"] != "SLO" and key in seen:
                continue
            seen.add(key)
            documents.append(document)
    return documents
