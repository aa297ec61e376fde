from __future__ import annotations

import pytest

from companyos_server.errors import DomainError
from companyos_server.platform.pagination import decode_token, encode_token, paginate

ROWS = [f"id{i:03d}" for i in range(7)]


def fetch(after: str | None, limit: int) -> list[str]:
    return [r for r in ROWS if after is None or r > after][:limit]


def test_pages_cover_every_row_once() -> None:
    seen, token = [], None
    while True:
        page = paginate(fetch, key=str, page_size=3, page_token=token, filters={})
        seen += page.items
        token = page.next_page_token
        if token is None:
            break
    assert seen == ROWS


def test_exact_multiple_has_no_empty_trailing_page() -> None:
    page = paginate(lambda a, n: ROWS[:6][:n], key=str, page_size=6, page_token=None, filters={})
    assert page.next_page_token is None


def test_token_is_bound_to_its_filters() -> None:
    token = encode_token("id002", {"tier": "free"})
    assert decode_token(token, {"tier": "free"}) == "id002"
    with pytest.raises(DomainError) as err:
        decode_token(token, {"tier": "enterprise"})
    assert err.value.status == 400
    assert err.value.errors[0].field == "page_token"


@pytest.mark.parametrize("garbage", ["%%%", "bm90IGpzb24", "W10", "e30"])
def test_garbage_tokens_are_a_400(garbage: str) -> None:
    with pytest.raises(DomainError):
        decode_token(garbage, {})


@pytest.mark.parametrize("size", [0, 501])
def test_page_size_bounds(size: int) -> None:
    with pytest.raises(DomainError):
        paginate(fetch, key=str, page_size=size, page_token=None, filters={})


def test_token_is_signed_and_bound_to_the_operation() -> None:
    from companyos_server.platform.logs import operation_id_var

    reset = operation_id_var.set("list_flags")
    try:
        token = encode_token("id002", {})
        assert decode_token(token, {}) == "id002"
        payload, _, signature = token.partition(".")
        with pytest.raises(DomainError) as err:  # the payload edited, the signature kept
            decode_token(payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + "." + signature, {})
        assert err.value.slug == "invalid-page-token"
        operation_id_var.set("list_config_versions")
        with pytest.raises(DomainError) as err:
            decode_token(token, {})
        assert err.value.slug == "invalid-page-token" and err.value.errors[0].field == "page_token"
    finally:
        operation_id_var.reset(reset)
