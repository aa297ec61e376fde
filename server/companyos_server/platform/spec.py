"""The bundled contract, and what the platform layer reads from it per operation."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from companyos_server.settings import REPO_ROOT

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
SERVED_BY_IDP = "identity-provider"


def bundled_spec_path() -> Path:
    """The repo's generated/openapi.json in a checkout; the packaged copy in a wheel."""
    in_repo = REPO_ROOT / "generated" / "openapi.json"
    if in_repo.exists():
        return in_repo
    return Path(str(resources.files("companyos_server") / "openapi.json"))


@dataclass(frozen=True)
class OperationInfo:
    operation_id: str
    method: str
    path: str
    tag: str
    action: str | None
    risk: str
    tenant_scoped: bool
    public: bool
    resource_type: str | None = None
    # `x-companyos-safe`: a POST that changes nothing (OFREP evaluation: the protocol says POST), so it
    # is audited, counted and authorised like a read.
    safe: bool = False

    @property
    def mutation(self) -> bool:
        """Whether the operation may change state (what policies call a write)."""
        return self.method != "GET" and not self.safe


@dataclass(frozen=True)
class ActionInfo:
    mutation: bool
    high_risk: bool


def _resource_type(op: dict[str, Any]) -> str | None:
    """`x-companyos-resource`, else the action's namespace in singular (`tenants:read` → tenant)."""
    if "x-companyos-resource" in op:
        return str(op["x-companyos-resource"])
    action = op.get("x-companyos-action")
    if not action or action.startswith("permissions:"):
        return None
    return _singular(action.split(":", 1)[0])


def _singular(namespace: str) -> str:
    if namespace.endswith("ies"):
        return namespace[:-3] + "y"  # policies → policy
    return namespace[:-1] if namespace.endswith("s") else namespace


class SpecIndex:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.operations: dict[str, OperationInfo] = {}
        global_security = document.get("security", [])
        for path, item in document.get("paths", {}).items():
            for method in HTTP_METHODS:
                op = item.get(method)
                if not op:
                    continue
                tenant_scoped = "{tenant_id}" in path
                security = op.get("security", global_security)
                self.operations[op["operationId"]] = OperationInfo(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    tag=(op.get("tags") or ["untagged"])[0],
                    action=op.get("x-companyos-action"),
                    risk=op.get("x-companyos-risk", "normal"),
                    tenant_scoped=tenant_scoped,
                    public=security == [],
                    resource_type=_resource_type(op),
                    safe=bool(op.get("x-companyos-safe", False)),
                )

    @classmethod
    def load(cls, path: Path | None = None) -> SpecIndex:
        return cls(json.loads((path or bundled_spec_path()).read_text(encoding="utf-8")))

    @property
    def version(self) -> str:
        return str(self.document["info"]["version"])

    def connexion_document(self) -> dict[str, Any]:
        """The spec connexion serves: identity-provider operations are served by the Flask mount."""
        doc = copy.deepcopy(self.document)
        for path in list(doc["paths"]):
            item = doc["paths"][path]
            for method in HTTP_METHODS:
                if method in item and item[method].get("x-companyos-served-by") == SERVED_BY_IDP:
                    del item[method]
            if not any(m in item for m in HTTP_METHODS):
                del doc["paths"][path]
        return doc

    def get(self, operation_id: str) -> OperationInfo | None:
        """By operationId; connexion's routing reports it qualified with the controller module."""
        return self.operations.get(operation_id) or self.operations.get(operation_id.rsplit(".", 1)[-1])

    def actions_for_resource(self, resource_type: str) -> dict[str, ActionInfo]:
        """Every policy action the spec declares on a resource type, in a stable order."""
        found: dict[str, ActionInfo] = {}
        for op in self.operations.values():
            if not op.action or op.resource_type != resource_type:
                continue
            previous = found.get(op.action)
            found[op.action] = ActionInfo(
                mutation=op.mutation or bool(previous and previous.mutation),
                high_risk=op.risk == "high" or bool(previous and previous.high_risk),
            )
        return dict(sorted(found.items()))

    def resource_types(self) -> list[str]:
        return sorted({op.resource_type for op in self.operations.values() if op.resource_type})
