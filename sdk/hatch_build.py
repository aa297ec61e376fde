"""Bundle the generated low-level client into the `companyos` wheel and sdist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "companyos/_generated/companyos_client"


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return  # a source checkout finds ../generated/python through companyos/_generated/__init__.py
        if (Path(self.root) / TARGET).is_dir():
            return  # building from an sdist that already carries it
        source = Path(self.root).parent / "generated" / "python" / "companyos_client"
        if not source.is_dir():
            raise RuntimeError(f"generated client not found at {source}; run `./dev codegen` first")
        build_data["force_include"][str(source)] = TARGET
