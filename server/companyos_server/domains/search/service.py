"""Global search: typeahead over IntelGraph's index, filtered by what the caller may read."""

from __future__ import annotations

from typing import Any

from companyos_server.core.intelgraph import search as index
from companyos_server.domains.search.access import KindAccess
from companyos_server.platform.pagination import decode_token, encode_token
from companyos_server.platform.storage import Database

DEFAULT_PAGE_SIZE = 20
MAX_OFFSET = 1000


def parse_list(value: str | None) -> list[str] | None:
    if not value:
        return None
    return list(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))


def search(
    db: Database,
    access: KindAccess,
    *,
    q: str,
    kinds: str | None = None,
    environment: str | None = None,
    page_size: int | None = None,
    page_token: str | None = None,
) -> dict[str, Any]:
    tenant_id = access.ctx.tenant_id
    requested = parse_list(kinds)
    size = page_size or DEFAULT_PAGE_SIZE
    filters = {"tenant": tenant_id, "q": q, "kinds": requested, "env": environment, "size": size}
    after = decode_token(page_token, filters)
    offset = min(int(after), MAX_OFFSET) if after and after.isdigit() else 0
    with db.session() as session:
        present = index.kinds_present(session, tenant_id)
        candidates = [k for k in present if requested is None or k in requested]
        allowed = access.readable(candidates)
        hits = index.search(
            session, tenant_id=tenant_id, query=q, kinds=allowed, environment=environment,
            limit=size + 1, offset=offset,
        )  # fmt: skip
    more = len(hits) > size and offset + size < MAX_OFFSET
    hits = hits[:size]
    items = [
        {
            "ref": h.ref,
            "kind": h.kind,
            "id": h.entity_id,
            "name": h.name,
            "environment": h.environment,
            "match": index.MATCH_KINDS[h.tier],
            "attributes": h.attributes,
        }
        for h in hits
    ]
    token = encode_token(str(offset + size), filters) if more else None
    return {"query": q, "items": items, "next_page_token": token}
