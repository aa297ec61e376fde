"""connexion's meta-schema validation runs once per distinct document and process, and still refuses."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from connexion.exceptions import InvalidSpecification
from connexion.spec import OpenAPISpecification

from companyos_server.platform import spec_validation


def _document(title: str = "t") -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": "1.0.0"},
        "paths": {"/x": {"get": {"operationId": "x", "responses": {"200": {"description": "ok"}}}}},
    }


def test_an_identical_document_is_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    spec_validation.install()
    calls: list[str] = []
    real = OpenAPISpecification.openapi_schema
    monkeypatch.setattr(spec_validation, "_validated", set())

    class Counting(dict):  # type: ignore[type-arg]
        def __getitem__(self, key: str) -> Any:
            calls.append(key)
            return super().__getitem__(key)

    monkeypatch.setattr(OpenAPISpecification, "openapi_schema", Counting(real))
    OpenAPISpecification(copy.deepcopy(_document()))
    first = len(calls)
    assert first > 0  # the meta-schema was read: the document was validated
    OpenAPISpecification(copy.deepcopy(_document()))
    assert len(calls) == first  # the same document again: not validated again
    OpenAPISpecification(copy.deepcopy(_document(title="other")))
    assert len(calls) > first  # a different document is validated


def test_an_invalid_document_is_refused_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    spec_validation.install()
    monkeypatch.setattr(spec_validation, "_validated", set())
    broken = _document()
    broken["paths"]["/x"]["get"]["responses"] = "not a map"
    for _ in range(2):
        with pytest.raises(InvalidSpecification):
            OpenAPISpecification(copy.deepcopy(broken))
