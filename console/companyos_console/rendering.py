"""Jinja2 templates (autoescaped) and the error page."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from companyos_console.pillars import PILLARS

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
# The section navigation: the core sections, then each domain pillar (companyos_console.pillars).
# One key per rendered form: submitting it twice (a double click, a resent POST) is one action (the
# console's idempotency key, see companyos_console.actions.perform).
TEMPLATES.env.globals["form_key"] = lambda: uuid.uuid4().hex
TEMPLATES.env.globals["sections"] = [
    ("home", "Overview", "/"),
    ("services", "Services", "/services"),
    ("deployments", "Deployments", "/deployments"),
    ("incidents", "Incidents", "/incidents"),
    ("policies", "Policies", "/policies"),
    ("tenant", "Tenant", "/tenant"),
    *((p.key, p.label, p.path) for p in PILLARS),
]


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    context = {"base": str(request.scope.get("root_path", "")).rstrip("/"), **context}
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def render_error(
    request: Request,
    status: int,
    title: str,
    detail: str,
    *,
    reasons: list[str] | None = None,
    sign_in: bool = False,
) -> Response:
    context = {
        "title": title,
        "detail": detail,
        "reasons": reasons or [],
        "status": status,
        "sign_in": sign_in,
    }
    return render(request, "error.html", context, status_code=status)
