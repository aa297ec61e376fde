"""The console is built on the public SDK alone: no module under console/ imports the server package,
and none reaches into the SDK's private modules other than through ``companyos`` and ``companyos.auth``."""

from __future__ import annotations

import ast
from pathlib import Path

CONSOLE = Path(__file__).resolve().parents[3] / "console"
FORBIDDEN = ("companyos_server",)


def imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            names.update(
                a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
    return names


def offending(names: set[str]) -> set[str]:
    bad = {n for n in names if n.split(".")[0] in FORBIDDEN}
    private_sdk = {n for n in names if n.startswith("companyos.") and n.split(".")[1].startswith("_")}
    return bad | private_sdk


def test_the_checker_sees_every_way_of_importing() -> None:
    sample = (
        "import companyos_server.app\nfrom companyos_server import seed\n"
        "import importlib\nimportlib.import_module('companyos_server.x')\nfrom companyos._flow import Send\n"
    )
    assert offending(imported_modules(sample)) == {
        "companyos_server.app",
        "companyos_server",
        "companyos_server.x",
        "companyos._flow",
    }


def test_no_console_module_imports_the_server_or_sdk_internals() -> None:
    files = sorted(CONSOLE.rglob("*.py"))
    assert len(files) >= 5
    found = {str(f.relative_to(CONSOLE)): offending(imported_modules(f.read_text())) for f in files}
    assert {name: bad for name, bad in found.items() if bad} == {}
