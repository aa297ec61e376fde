"""Error handlers and request validators for the connexion app: every error is problem+json.

Handlers cover connexion's ProblemException (validation, security, guard), Starlette's
HTTPException (routing 404/405), the domain's DomainError and anything else (500, logged with the
request id, never a trace in the response). The validators replace connexion's defaults to give
field-level ``errors[]`` and to turn a non-UTF-8 JSON body into a 400 (connexion answers 500).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from connexion.exceptions import ExtraParameterProblem, ProblemException, TypeValidationError
from connexion.lifecycle import ConnexionResponse
from connexion.validators import (
    VALIDATOR_MAP,
    JSONRequestBodyValidator,
    ParameterValidator,
    TextResponseBodyValidator,
)
from connexion.validators.parameter import draft4_format_checker
from jsonschema import Draft4Validator, ValidationError
from starlette.exceptions import HTTPException

from companyos_server.errors import DomainError
from companyos_server.platform.problems import (
    PROBLEM_BASE,
    PROBLEM_JSON,
    Problem,
    ValidationProblem,
    default_slug,
    default_title,
    problem_exception,
)
from companyos_server.platform.requestctx import request_id_var, scope_state
from companyos_server.platform.spec import HTTP_METHODS

logger = logging.getLogger("companyos.errors")

INTERNAL_DETAIL = "An unexpected error occurred. Quote the request id when reporting it."


# --------------------------------------------------------------------------- rendering


def _request_context(request: Any) -> tuple[str | None, str | None]:
    scope = getattr(request, "scope", None) or {}
    state = scope_state(scope) if scope else {}
    instance = state.get("path") or scope.get("path")
    return instance, state.get("request_id") or request_id_var.get()


def render(problem: Problem, request: Any = None) -> ConnexionResponse:
    if request is not None:
        instance, request_id = _request_context(request)
        problem.instance = problem.instance or instance
        problem.request_id = problem.request_id or request_id
    else:
        problem.request_id = problem.request_id or request_id_var.get()
    return ConnexionResponse(
        status_code=problem.status,
        mimetype=PROBLEM_JSON,
        body=problem.encode(),
        headers=problem.response_headers(),
    )


def _slug_of(ptype: str | None, status: int) -> tuple[str | None, str | None]:
    """(type, slug): keep a CompanyOS or other absolute type; map about:blank to a slug."""
    if ptype and ptype != "about:blank":
        return ptype, None
    return None, default_slug(status)


# --------------------------------------------------------------------------- Allow for 405


class AllowIndex:
    """Which methods the contract serves on a concrete path (for the 405 ``Allow`` header)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._routes: list[tuple[re.Pattern[str], set[str]]] = []
        for template, item in (document.get("paths") or {}).items():
            methods = {m.upper() for m in HTTP_METHODS if isinstance(item.get(m), dict)}
            if not methods:
                continue
            if "GET" in methods:
                methods.add("HEAD")
            pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "/?$"
            self._routes.append((re.compile(pattern), methods))

    def allowed(self, path: str) -> list[str]:
        found: set[str] = set()
        for pattern, methods in self._routes:
            if pattern.match(path):
                found |= methods
        return sorted(found)


def _allow_header(
    request: Any, allow_index: AllowIndex | None, fallback: dict[str, str] | None
) -> str | None:
    instance, _ = _request_context(request)
    if allow_index is not None and instance:
        methods = allow_index.allowed(instance)
        if methods:
            return ", ".join(methods)
    for key, value in (fallback or {}).items():
        if key.lower() == "allow":
            return value
    return None


# --------------------------------------------------------------------------- field errors

_PARAM_IN_DETAIL = re.compile(r"parameter '([^']+)'")
_EXTRA_PARAMS = re.compile(r"Extra (\w+) parameter\(s\) (.+) not in spec")


def _field_errors_from_detail(exc: ProblemException) -> list[dict[str, str]]:
    detail = str(exc.detail or "")
    if isinstance(exc, ExtraParameterProblem) or _EXTRA_PARAMS.match(detail):
        match = _EXTRA_PARAMS.match(detail)
        if match:
            return [
                {
                    "field": name,
                    "message": f"is not a {match.group(1)} parameter of this operation",
                    "code": "unknown",
                }
                for name in match.group(2).split(",")
            ]
    if isinstance(exc, TypeValidationError) or "parameter '" in detail:
        match = _PARAM_IN_DETAIL.search(detail)
        if match:
            return [{"field": match.group(1), "message": detail, "code": "invalid"}]
    return []


def _json_path(parts: Any) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def schema_errors(errors: Any, prefix: str = "") -> list[dict[str, str]]:
    """jsonschema errors → [{field, message, code}], one per offending field."""
    result: list[dict[str, str]] = []
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        base = _json_path(error.absolute_path)
        if prefix:
            base = prefix + ("." + base if base and not base.startswith("[") else base)
        if error.validator == "required":
            match = re.match(r"'(.+)' is a required property", error.message)
            name = match.group(1) if match else ""
            field = f"{base}.{name}" if base and name else (name or base or "body")
            result.append({"field": field, "message": "is required", "code": "required"})
        elif error.validator == "additionalProperties":
            names = re.findall(r"'([^']+)'", error.message.split("(", 1)[-1])
            for name in names or [base or "body"]:
                field = f"{base}.{name}" if base else name
                result.append({"field": field, "message": "is not a known field", "code": "unknown"})
        else:
            result.append({"field": base or prefix or "body", "message": error.message, "code": "invalid"})
    return result


NUL_MESSAGE = "contains a NUL character (U+0000), which no text field may hold"


def nul_fields(value: Any, path: tuple[Any, ...] = ()) -> list[str]:
    """JSON paths of strings (and object keys) holding U+0000: PostgreSQL text cannot store it, and no
    field of ours means it; refused up front instead of failing in the store."""
    if isinstance(value, str):
        return [_json_path(path) or "body"] if "\x00" in value else []
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in str(key):
                found.append(_json_path((*path, key)))
            found.extend(nul_fields(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(nul_fields(item, (*path, index)))
    return found


# --------------------------------------------------------------------------- validators


_validators: dict[int, tuple[dict[str, Any], Draft4Validator]] = {}


def _validator(schema: dict[str, Any]) -> Draft4Validator:
    """One validator per parameter schema (the spec's dicts live as long as the app): building one per
    request cost more than validating."""
    cached = _validators.get(id(schema))
    if cached is None or cached[0] is not schema:
        if len(_validators) >= 4096:  # bounded: every app built in one process brings its own spec
            _validators.clear()
        cached = (schema, Draft4Validator(schema, format_checker=draft4_format_checker))
        _validators[id(schema)] = cached
    return cached[1]


class ProblemParameterValidator(ParameterValidator):
    """Collects every parameter error (not just the first) with its field name."""

    @staticmethod
    def validate_parameter(
        parameter_type: str, value: Any, param: dict[str, Any], param_name: Any = None
    ) -> Any:
        from connexion.utils import is_null, is_nullable

        if is_nullable(param) and is_null(value):
            return None
        if value is not None:
            if nul_fields(value):
                return NUL_MESSAGE
            schema = param.get("schema", param)
            try:
                _validator(schema).validate(value)
            except ValidationError as exception:
                return exception.message
            return None
        if param.get("required"):
            return "is required"
        return None

    def validate_request(self, request: Any) -> None:
        errors: list[dict[str, str]] = []
        if self.strict_validation:
            extra = self.validate_query_parameter_list(request, security_params=self.security_query_params)
            for name in sorted(extra):
                errors.append(
                    {
                        "field": name,
                        "message": "is not a query parameter of this operation",
                        "code": "unknown",
                    }
                )
        checks = (
            ("query", self.validate_query_parameter),
            ("path", self.validate_path_parameter),
            ("header", self.validate_header_parameter),
            ("cookie", self.validate_cookie_parameter),
        )
        seen: set[tuple[str, str]] = set()
        for kind, check in checks:
            for param in self.parameters.get(kind, []):
                if (kind, param["name"]) in seen:  # declared at path and operation level: named once
                    continue
                seen.add((kind, param["name"]))
                message = check(param, request)
                if message:
                    code = "required" if message == "is required" else "invalid"
                    errors.append({"field": param["name"], "message": message, "code": code})
        if errors:
            fields = ", ".join(e["field"] for e in errors)
            raise ValidationProblem(f"The request has invalid parameters: {fields}.", errors)


_ABSENT = object()  # no body at all, as opposed to an explicit JSON `null`


MAX_JSON_DEPTH = 64
MAX_INTEGER_DIGITS = 64  # no field of the contract needs more; Python refuses > 4,300 with a ValueError


class _TooLarge(ValueError):
    pass


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _TooLarge(digits)
    return int(digits)


def json_depth(value: Any) -> int:
    """How deeply ``value`` nests (a scalar is 0), walked without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            stack.extend((item, depth + 1) for item in node.values())
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)
        else:
            continue
        deepest = max(deepest, depth + 1)
    return deepest


def parse_json_body(text: str) -> Any:
    """A request body as JSON, within explicit limits: 400 problems, never a RecursionError or ValueError."""
    try:
        value = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise problem_exception(
            400,
            "malformed-json",
            f"The request body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).",
        ) from None
    except _TooLarge:
        raise problem_exception(
            400,
            "malformed-json",
            f"The request body has an integer of more than {MAX_INTEGER_DIGITS} digits.",
        ) from None
    except RecursionError:  # deeper than the parser goes: certainly deeper than the limit
        raise _too_deep() from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise _too_deep()
    return value


def _too_deep() -> Exception:
    return problem_exception(
        400, "malformed-json", f"The request body nests deeper than {MAX_JSON_DEPTH} levels."
    )


class ProblemJSONBodyValidator(JSONRequestBodyValidator):
    """JSON bodies: bad encoding and bad JSON are 400s; schema errors list every field."""

    async def _parse(self, stream: Any, scope: Any) -> Any:
        raw = b"".join([chunk async for chunk in stream])
        try:
            text = raw.decode(self._encoding)
        except (UnicodeDecodeError, LookupError):
            raise problem_exception(
                400, "malformed-body", f"The request body is not valid {self._encoding} text."
            ) from None
        if not text:
            return _ABSENT
        return parse_json_body(text)

    def _validate(self, body: Any) -> Any:
        if body is _ABSENT:
            if not self._required:
                return None  # an optional body that was not sent
            body = None
        if not self._nullable and body is None:
            raise ValidationProblem(
                "The request body must not be empty.",
                [{"field": "body", "message": "is required", "code": "required"}],
            )
        errors = schema_errors(self._validator.iter_errors(body))
        errors += [{"field": f, "message": NUL_MESSAGE, "code": "invalid"} for f in nul_fields(body)]
        if errors:
            fields = ", ".join(dict.fromkeys(e["field"] for e in errors))
            raise ValidationProblem(f"The request body is invalid: {fields}.", errors)
        return None


class RawBodyValidator:
    """A body the handler reads as bytes and validates itself (NDJSON: one document a line, each
    reported on its own), passed through untouched."""

    def __init__(self, **_: Any) -> None:
        pass

    async def wrap_receive(self, receive: Any, *, scope: Any) -> tuple[Any, Any]:
        return receive, scope


def validator_map() -> dict[str, Any]:
    body = (
        VALIDATOR_MAP["body"].copy()
        if hasattr(VALIDATOR_MAP["body"], "copy")
        else dict(VALIDATOR_MAP["body"])
    )
    body["*/*json"] = ProblemJSONBodyValidator
    # NDJSON matches connexion's "*/*json" rule but is not one JSON document: validate it as text.
    body["application/x-ndjson"] = RawBodyValidator
    response = dict(VALIDATOR_MAP["response"])
    response["application/x-ndjson"] = TextResponseBodyValidator
    return {
        "parameter": ProblemParameterValidator,
        "body": type(VALIDATOR_MAP["body"])(body),
        "response": type(VALIDATOR_MAP["response"])(response),
    }


# --------------------------------------------------------------------------- handlers


class ErrorHandlers:
    def __init__(self, allow_index: AllowIndex | None = None) -> None:
        self.allow_index = allow_index

    def problem(self, request: Any, exc: ProblemException) -> ConnexionResponse:
        status = int(exc.status or 500)
        headers = dict(exc.headers or {})
        extra = dict(exc.ext or {})
        if status == 400 and "errors" not in extra:
            field_errors = _field_errors_from_detail(exc)
            if field_errors:
                extra["errors"] = field_errors
        if status == 401 and not any(k.lower() == "www-authenticate" for k in headers):
            headers["WWW-Authenticate"] = "Bearer"
        if status == 405:
            allow = _allow_header(request, self.allow_index, headers)
            headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
            if allow:
                headers["Allow"] = allow
        ptype, slug = _slug_of(exc.type, status)
        if status >= 500:
            logger.error("problem %s: %s", status, exc.detail, extra={"status": status})
        detail = exc.detail if status < 500 or status == 501 or exc.type else INTERNAL_DETAIL
        return render(
            Problem(
                status,
                exc.title,
                str(detail) if detail else None,
                slug,
                ptype,
                exc.instance,
                None,
                extra,
                headers,
            ),
            request,
        )

    def http(self, request: Any, exc: HTTPException) -> ConnexionResponse:
        if isinstance(exc, ProblemException):
            return self.problem(request, exc)
        status = int(exc.status_code)
        headers = dict(exc.headers or {})
        detail = exc.detail if isinstance(exc.detail, str) else None
        if status == 404:
            instance, _ = _request_context(request)
            detail = f"No resource at '{instance}'." if instance else "Not Found"
        if status == 405:
            allow = _allow_header(request, self.allow_index, headers)
            headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
            if allow:
                headers["Allow"] = allow
            method = getattr(request, "method", None) or (getattr(request, "scope", {}) or {}).get("method")
            detail = f"Method {method} is not allowed here; allowed: {allow or 'none'}."
        if status == 401 and not any(k.lower() == "www-authenticate" for k in headers):
            headers["WWW-Authenticate"] = "Bearer"
        if status >= 500:
            logger.error("http exception %s: %s", status, exc.detail, extra={"status": status})
            detail = INTERNAL_DETAIL
        return render(Problem(status, default_title(status), detail, headers=headers), request)

    def domain(self, request: Any, exc: DomainError) -> ConnexionResponse:
        extra = dict(exc.extra or {})
        if exc.errors:
            extra["errors"] = [e.as_dict() for e in exc.errors]
        if exc.status >= 500:
            logger.error("domain error %s: %s", exc.status, exc.detail, extra={"status": exc.status})
        return render(
            Problem(
                exc.status,
                exc.title,
                exc.detail,
                exc.slug or default_slug(exc.status),
                extra=extra,
                headers=dict(exc.headers or {}),
            ),
            request,
        )

    def unexpected(self, request: Any, exc: Exception) -> ConnexionResponse:
        if isinstance(exc, UnicodeDecodeError):  # belt and braces: a body decoder we did not replace
            return render(
                Problem(400, "Bad Request", "The request body is not valid UTF-8 text.", "malformed-body"),
                request,
            )
        _, request_id = _request_context(request)
        logger.error(
            "unhandled %s while answering the request",
            type(exc).__name__,
            exc_info=exc,
            extra={"status": 500},
        )
        return render(
            Problem(500, "Internal Server Error", INTERNAL_DETAIL, "internal", request_id=request_id), request
        )


def register(api: Any, handlers: ErrorHandlers) -> None:
    api.add_error_handler(ProblemException, handlers.problem)
    api.add_error_handler(HTTPException, handlers.http)
    api.add_error_handler(DomainError, handlers.domain)
    api.add_error_handler(Exception, handlers.unexpected)


__all__ = [
    "PROBLEM_BASE",
    "AllowIndex",
    "ErrorHandlers",
    "register",
    "render",
    "schema_errors",
    "validator_map",
]
