from __future__ import annotations

from companyos_server.platform.spec import SERVED_BY_IDP, SpecIndex


def test_operations_carry_action_risk_and_tenancy() -> None:
    spec = SpecIndex.load()
    create = spec.get("create_tenant")
    assert create is not None
    assert (create.method, create.action, create.risk, create.tenant_scoped) == (
        "POST",
        "tenants:create",
        "high",
        False,
    )
    get = spec.get("get_tenant")
    assert get is not None and get.tenant_scoped and get.resource_type == "tenant"
    health = spec.get("get_health")
    assert health is not None and health.public


def test_action_catalog_for_tenants() -> None:
    catalog = SpecIndex.load().actions_for_resource("tenant")
    assert catalog["tenants:update"].mutation
    assert not catalog["tenants:read"].mutation
    assert catalog["tenants:create"].high_risk


def test_connexion_document_drops_identity_provider_operations() -> None:
    doc = {
        "info": {"version": "1"},
        "paths": {
            "/oauth2/token": {"post": {"operationId": "token", "x-companyos-served-by": SERVED_BY_IDP}},
            "/v1/x": {"get": {"operationId": "get_x"}},
        },
    }
    spec = SpecIndex(doc)
    assert list(spec.connexion_document()["paths"]) == ["/v1/x"]
    assert "/oauth2/token" in spec.document["paths"]
