"""The schema registry: built-in schemas plus each tenant's own, versioned with SchemaVer."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.analytics import store, taxonomy
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow


def _schema(row: store.EventSchemaRow) -> taxonomy.Schema:
    return taxonomy.Schema(
        row.name, row.version, row.kind, row.category, row.description, dict(row.properties), builtin=False
    )


def catalog(session: Session, tenant_id: str) -> dict[str, dict[str, taxonomy.Schema]]:
    """name -> version -> schema, built-ins first, then the tenant's registrations."""
    found: dict[str, dict[str, taxonomy.Schema]] = {n: {s.version: s} for n, s in taxonomy.BUILTIN.items()}
    for row in store.schema_versions(session, tenant_id):
        found.setdefault(row.name, {})[row.version] = _schema(row)
    return found


def list_schemas(
    db: Database, ctx: TenantContext, *, name: str | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    with db.session() as session:
        entries = catalog(session, ctx.tenant_id)
    items = []
    for schema_name in sorted(entries):
        if name is not None and schema_name != name:
            continue
        for version in sorted(entries[schema_name], key=lambda v: taxonomy.parse_version(v) or (0, 0, 0)):
            schema = entries[schema_name][version]
            if kind is None or schema.kind == kind:
                items.append(schema.to_dict(ctx.tenant_id))
    return items


def _refuse(detail: str, changes: list[taxonomy.Change], field_name: str = "version") -> errors.DomainError:
    return errors.DomainError(
        detail,
        409,
        "Schema change refused",
        "schema-change-refused",
        [
            errors.FieldError((c.property and f"properties.{c.property}") or field_name, c.detail, c.level)
            for c in changes
        ]
        or [errors.FieldError(field_name, detail)],
        extra={"changes": [c.to_dict() for c in changes]},
    )


def register(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    name, version_text = body["name"], body["version"]
    problems: list[errors.FieldError] = []
    if not taxonomy.NAME_RE.match(name):
        problems.append(
            errors.FieldError(
                "name", "must be Object Action in Title Case, e.g. 'Report Exported'", "pattern"
            )
        )
    version = taxonomy.parse_version(version_text)
    if version is None:
        problems.append(errors.FieldError("version", "must be SchemaVer MODEL-REVISION-ADDITION, e.g. 1-0-0"))
    raw = body.get("properties") or {}
    for prop_name, spec in raw.items():
        if not taxonomy.PROPERTY_RE.match(prop_name):
            problems.append(errors.FieldError(f"properties.{prop_name}", "must be snake_case"))
        if spec.get("type") not in taxonomy.TYPES:
            problems.append(errors.FieldError(f"properties.{prop_name}.type", "unknown type"))
        if spec.get("pii", "none") not in taxonomy.PII:
            problems.append(errors.FieldError(f"properties.{prop_name}.pii", "must be none, hash or drop"))
        if prop_name in taxonomy.METRIC_PROPERTIES and spec.get("type") not in ("integer", "number"):
            problems.append(
                errors.FieldError(f"properties.{prop_name}.type", "is a metric: integer or number")
            )
    if problems:
        raise errors.invalid_argument(f"The schema has {len(problems)} invalid field(s).", problems)
    assert version is not None
    if name in taxonomy.BUILTIN:
        raise errors.conflict(f"'{name}' is a built-in schema; register your own event under another name.")
    properties = taxonomy.normalise_properties(raw)
    kind = body.get("kind", "product")
    with db.session() as session:
        existing = store.schema_versions(session, ctx.tenant_id, name)
        if any(r.version == version_text for r in existing):
            raise errors.already_exists("Event schema version", f"{name} {version_text}")
        if not existing:
            if version != (1, 0, 0):
                raise _refuse(f"The first version of '{name}' must be 1-0-0, not {version_text}.", [])
        else:
            latest = existing[-1]
            previous = (latest.model, latest.revision, latest.addition)
            if version <= previous:
                raise _refuse(f"{version_text} is not after the latest version {latest.version}.", [])
            changes = taxonomy.diff(dict(latest.properties), properties)
            if latest.kind != kind:
                changes.append(taxonomy.Change("model", None, f"kind changed from {latest.kind} to {kind}"))
            needed = taxonomy.required_level(changes)
            bumped = taxonomy.bump_level(previous, version)
            if bumped is None:
                raise _refuse(
                    f"{version_text} does not follow {latest.version}: bump exactly one of MODEL, REVISION or "
                    "ADDITION and reset the parts after it.",
                    [],
                )
            if needed is None and body.get("description", "") == latest.description:
                raise _refuse(f"{version_text} changes nothing from {latest.version}.", [])
            if needed is not None and taxonomy.LEVELS.index(bumped) < taxonomy.LEVELS.index(needed):
                blocking = [
                    c for c in changes if taxonomy.LEVELS.index(c.level) > taxonomy.LEVELS.index(bumped)
                ]
                detail = (
                    f"{name} {version_text} bumps {bumped.upper()} but the change needs a {needed.upper()} bump "
                    f"(expected {taxonomy.fmt(_next(previous, needed))}): "
                    + "; ".join(c.detail for c in blocking)
                    + "."
                )
                raise _refuse(detail, blocking)
        row = store.EventSchemaRow(
            id=new_id("evs"),
            tenant_id=ctx.tenant_id,
            name=name,
            version=version_text,
            model=version[0],
            revision=version[1],
            addition=version[2],
            kind=kind,
            category=body.get("category", "other"),
            description=body.get("description", ""),
            properties=properties,
            created_by=ctx.principal.subject,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        return {**_schema(row).to_dict(ctx.tenant_id), "created_at": row.created_at}


def _next(previous: tuple[int, int, int], level: str) -> tuple[int, int, int]:
    if level == "model":
        return (previous[0] + 1, 0, 0)
    if level == "revision":
        return (previous[0], previous[1] + 1, 0)
    return (previous[0], previous[1], previous[2] + 1)
