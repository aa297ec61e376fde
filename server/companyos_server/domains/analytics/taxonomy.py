"""The event taxonomy: built-in schemas, Object-Action names, and SchemaVer evolution rules.

A schema version is ``MODEL-REVISION-ADDITION`` (Snowplow's SchemaVer):

* ADDITION: every event valid under the previous version stays valid (a new optional property, a new
  description).
* REVISION: some historical events may no longer be valid or mean something else (a required property
  made optional, integer widened to number, a property's PII handling changed).
* MODEL: a breaking change (a property removed, its type changed otherwise, a new required property, an
  optional property made required). Registering one without a MODEL bump is refused, naming the change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NAME_RE = re.compile(r"^[A-Z][A-Za-z0-9]*( [A-Z][A-Za-z0-9]*){1,4}$")
VERSION_RE = re.compile(r"^([1-9][0-9]{0,3})-(0|[1-9][0-9]{0,3})-(0|[1-9][0-9]{0,3})$")
PROPERTY_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
TYPES = ("string", "integer", "number", "boolean")
PII = ("none", "hash", "drop")
KINDS = ("product", "ops")
CATEGORIES = (
    "feature_usage",
    "ui_flow",
    "experiment_exposure",
    "deploy",
    "incident",
    "policy_decision",
    "slo_breach",
    "alert",
    "audit",
    "sli",
    "other",
)
# Core dimensions every event carries (columns of the store), beside its own properties.
CORE_DIMENSIONS = (
    "tenant",
    "user_role",
    "feature",
    "region",
    "environment",
    "client_type",
    "version",
    "residency_tier",
)
CLIENT_TYPES = ("web", "console", "cli", "sdk", "api", "mobile", "server")
# Properties with a column of their own in the store (numbers the reports aggregate).
METRIC_PROPERTIES = ("latency_ms", "good", "total")
LEVELS = ("addition", "revision", "model")


def parse_version(version: str) -> tuple[int, int, int] | None:
    match = VERSION_RE.match(version or "")
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def fmt(version: tuple[int, int, int]) -> str:
    return "-".join(str(v) for v in version)


def prop(type_: str, *, required: bool = False, pii: str = "none", description: str = "") -> dict[str, Any]:
    return {"type": type_, "required": required, "pii": pii, "description": description}


@dataclass(frozen=True)
class Schema:
    name: str
    version: str
    kind: str
    category: str
    description: str
    properties: dict[str, dict[str, Any]]
    builtin: bool = True

    def to_dict(self, tenant_id: str) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "kind": self.kind,
            "category": self.category,
            "description": self.description,
            "properties": self.properties,
            "builtin": self.builtin,
            "tenant_id": tenant_id,
        }


def _builtin(name: str, kind: str, category: str, description: str, **props: dict[str, Any]) -> Schema:
    return Schema(name, "1-0-0", kind, category, description, dict(props))


BUILTIN: dict[str, Schema] = {
    s.name: s
    for s in (
        _builtin("Feature Used", "product", "feature_usage", "A user used a feature (the `feature` dimension).",
                 action=prop("string", description="What was done with the feature, e.g. `open`."),
                 latency_ms=prop("number", description="How long the interaction took.")),
        _builtin("Page Viewed", "product", "ui_flow", "A page or screen of a UI flow was shown.",
                 page=prop("string", required=True), referrer=prop("string", pii="drop")),
        _builtin("Experiment Exposed", "product", "experiment_exposure", "A user saw a variant of an experiment.",
                 experiment=prop("string", required=True), variant=prop("string", required=True)),
        _builtin("Report Exported", "product", "feature_usage", "A report was exported.",
                 format=prop("string", required=True), rows=prop("integer")),
        _builtin("Request Completed", "product", "feature_usage", "An API request finished (client-side).",
                 latency_ms=prop("number", required=True), status=prop("integer")),
        _builtin("Deployment Finished", "ops", "deploy", "A deployment reached a final state.",
                 service_id=prop("string", required=True), state=prop("string", required=True),
                 deploy_version=prop("string")),
        _builtin("Incident Opened", "ops", "incident", "An incident was declared.",
                 incident_id=prop("string", required=True), severity=prop("string", required=True)),
        _builtin("Incident Resolved", "ops", "incident", "An incident was resolved.",
                 incident_id=prop("string", required=True), severity=prop("string", required=True),
                 minutes_open=prop("number")),
        _builtin("Alert Fired", "ops", "alert", "An alert started firing.",
                 alert_id=prop("string", required=True), severity=prop("string", required=True)),
        _builtin("Policy Decision Made", "ops", "policy_decision", "An authorization decision was taken.",
                 action=prop("string", required=True), allowed=prop("boolean", required=True)),
        _builtin("Audit Event Recorded", "ops", "audit", "A signed audit event was written.",
                 action=prop("string", required=True), outcome=prop("string", required=True)),
        _builtin("Sli Sample Recorded", "ops", "sli", "An SLI bucket of a service: `good` of `total` events.",
                 service_id=prop("string", required=True), good=prop("integer", required=True),
                 total=prop("integer", required=True)),
        _builtin("Slo Breach Detected", "ops", "slo_breach", "A service's SLI fell below its objective.",
                 service_id=prop("string", required=True), sli=prop("number")),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Change:
    level: str  # addition | revision | model
    property: str | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "property": self.property, "detail": self.detail}


def diff(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[Change]:
    """The changes from ``old`` to ``new`` properties, each with the SchemaVer level it needs."""
    changes: list[Change] = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if after is None:
            changes.append(Change("model", name, f"property '{name}' was removed"))
            continue
        if before is None:
            if after.get("required"):
                changes.append(Change("model", name, f"new property '{name}' is required"))
            else:
                changes.append(Change("addition", name, f"new optional property '{name}'"))
            continue
        if before["type"] != after["type"]:
            widening = (before["type"], after["type"]) == ("integer", "number")
            level = "revision" if widening else "model"
            changes.append(
                Change(level, name, f"type of '{name}' changed from {before['type']} to {after['type']}")
            )
        if bool(before.get("required")) != bool(after.get("required")):
            if after.get("required"):
                changes.append(Change("model", name, f"property '{name}' became required"))
            else:
                changes.append(Change("revision", name, f"property '{name}' became optional"))
        if before.get("pii", "none") != after.get("pii", "none"):
            changes.append(
                Change("revision", name, f"PII handling of '{name}' changed to {after.get('pii')}")
            )
        if before.get("description", "") != after.get("description", ""):
            changes.append(Change("addition", name, f"description of '{name}' changed"))
    return changes


def required_level(changes: list[Change]) -> str | None:
    if not changes:
        return None
    return max((c.level for c in changes), key=LEVELS.index)


def bump_level(old: tuple[int, int, int], new: tuple[int, int, int]) -> str | None:
    """Which part ``new`` bumps over ``old`` (exactly one step, lower parts reset); None if it is not a
    valid next version."""
    if new == (old[0] + 1, 0, 0):
        return "model"
    if new == (old[0], old[1] + 1, 0):
        return "revision"
    if new == (old[0], old[1], old[2] + 1):
        return "addition"
    return None


def normalise_properties(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: {
            "type": spec["type"],
            "required": bool(spec.get("required", False)),
            "pii": spec.get("pii", "none"),
            "description": spec.get("description", ""),
        }
        for name, spec in sorted(raw.items())
    }
