"""The IntelGraph search index: SQLite FTS5 by default, PostgreSQL full-text on PostgreSQL.

Documents are the graph's entities (name, then body = free text + attribute values + id). Both
backends index the same normalised tokens (casefolded, diacritics stripped, split on anything that
is not a letter or digit), and a query is a conjunction of word prefixes, so "pay ap" finds
"payments-api". Ranking is identical on both backends:

0. the whole name equals the query, 1. the name starts with the query, 2. every query word is a
prefix of a word in the name, 3. matches in the body only; ties by shorter name, then name, then
insertion order.

SQLite keeps the index in the FTS5 table ``graph_search_fts`` (rowid = ``graph_entities.pk``),
created on first use with ``CREATE VIRTUAL TABLE IF NOT EXISTS`` in the caller's transaction (the
initial migration is generated from the models and cannot express virtual tables). PostgreSQL keeps
a weighted ``tsvector`` of name and body in ``graph_entities.search_tsv`` and one of the name alone in
``graph_entities.name_tsv``, each behind a GIN index from the migration.
"""

from __future__ import annotations

import json
import re
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

FTS_TABLE = "graph_search_fts"
MAX_BODY_CHARS = 8000
MAX_QUERY_WORDS = 8
_WORD = re.compile(r"[^\W_]+")

_CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "name, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)


def tokens(value: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", value.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def normalise(value: str) -> str:
    return " ".join(tokens(value))


def _flatten(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, bool) or value is None:
        return
    else:
        yield str(value)


def document_body(entity_id: str, text_value: str, attributes: dict[str, Any] | None) -> str:
    parts = [entity_id, text_value, *_flatten(attributes or {})]
    return normalise(" ".join(p for p in parts if p))[:MAX_BODY_CHARS]


def _is_sqlite(bind: Session | Connection) -> bool:
    return (
        bind.get_bind().dialect.name == "sqlite"
        if isinstance(bind, Session)
        else bind.dialect.name == "sqlite"
    )


def ensure_index(bind: Session | Connection) -> None:
    """Create the SQLite FTS5 table if it is missing (idempotent; nothing to do on PostgreSQL)."""
    if _is_sqlite(bind):
        bind.execute(text(_CREATE_FTS))


_indexed_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def _ensure_index_once(session: Session) -> None:
    """:func:`ensure_index` on the read path, once per engine: a DDL statement per search is not free.

    Only a committed search marks the engine (writers still ensure it in their own transaction, where a
    rollback may undo the creation).
    """
    engine = session.get_bind()
    if isinstance(engine, Engine) and engine in _indexed_engines:
        return
    ensure_index(session)
    if isinstance(engine, Engine):
        event.listen(session, "after_commit", lambda _session: _indexed_engines.add(engine), once=True)


# PostgreSQL: ``search_tsv`` (name weighted A, body B) serves the body tier, ``name_tsv`` (the name
# alone) the name-word tier; a GIN index cannot filter on weight, so ``w:*A`` on search_tsv would
# recheck every row whose body has the word.
_PG_INDEX = (
    "UPDATE graph_entities SET search_tsv = "
    "setweight(to_tsvector('simple', :name), 'A') || setweight(to_tsvector('simple', :body), 'B'), "
    "name_tsv = to_tsvector('simple', :name) "
    "WHERE pk = :pk"
)


def index_document(bind: Session | Connection, pk: int, name_norm: str, body: str) -> None:
    if _is_sqlite(bind):
        ensure_index(bind)
        bind.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :pk"), {"pk": pk})  # noqa: S608 - constant SQL fragments; values are bound
        bind.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, name, body) VALUES (:pk, :name, :body)"),  # noqa: S608 - constant SQL fragments; values are bound
            {"pk": pk, "name": name_norm, "body": body},
        )
    else:
        bind.execute(
            text(_PG_INDEX),
            {"pk": pk, "name": name_norm, "body": body},
        )


def index_documents(bind: Session | Connection, docs: Sequence[dict[str, Any]]) -> None:
    """Bulk form of :func:`index_document`: ``docs`` carry ``pk``, ``name`` and ``body``."""
    if not docs:
        return
    if _is_sqlite(bind):
        ensure_index(bind)
        bind.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :pk"), [{"pk": d["pk"]} for d in docs])  # noqa: S608 - constant SQL fragments; values are bound
        bind.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, name, body) VALUES (:pk, :name, :body)"),  # noqa: S608 - constant SQL fragments; values are bound
            list(docs),
        )
    else:
        bind.execute(text(_PG_INDEX), list(docs))


def unindex_document(bind: Session | Connection, pk: int) -> None:
    if _is_sqlite(bind):
        ensure_index(bind)
        bind.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :pk"), {"pk": pk})  # noqa: S608 - constant SQL fragments; values are bound


@dataclass(frozen=True)
class SearchHit:
    pk: int
    ref: str
    kind: str
    entity_id: str
    name: str
    attributes: dict[str, Any]
    environment: str | None
    tier: int


MATCH_KINDS = ("exact", "prefix", "name", "body")
# Word-prefix (FTS) tiers need at least one query word this long; shorter queries ("p", "p a") match
# name prefixes only: a one-letter word prefixes most of the index and would rank tens of thousands.
MIN_FTS_WORD_CHARS = 2
# A word-prefix tier first walks this many of the scope's rows in rank order; if the page is not
# full by then the tier is sparse, and its matches (found through the FTS / GIN index) are sorted.
WALK_MAX = 1500
_COLUMNS = "e.pk, e.ref, e.kind, e.entity_id, e.name, e.attributes, e.environment, e.name_norm"
_RANK = "ORDER BY e.name_len, e.name_norm, e.pk"


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (code point order)."""
    nxt = ord(prefix[-1]) + 1
    if 0xD800 <= nxt <= 0xDFFF:  # skip the surrogate block
        nxt = 0xE000
    return prefix[:-1] + chr(nxt)


# A range on name_norm (BINARY on SQLite, COLLATE "C" on PostgreSQL) is an index range scan on
# ix_graph_entities_tenant_name_norm; LIKE 'q%' would not use it on SQLite (LIKE is NOCASE there).
_NAME_PREFIX = "e.name_norm >= :q AND e.name_norm < :q_hi"


def _rows_to_hits(rows: Sequence[Any], tier_of: Any) -> list[SearchHit]:
    hits = []
    for row in rows:
        attributes = row["attributes"]
        if isinstance(attributes, str):  # raw SQL on SQLite returns JSON text
            attributes = json.loads(attributes)
        hits.append(
            SearchHit(
                pk=int(row["pk"]),
                ref=row["ref"],
                kind=row["kind"],
                entity_id=row["entity_id"],
                name=row["name"],
                attributes=dict(attributes or {}),
                environment=row["environment"],
                tier=tier_of(row),
            )
        )
    return hits


@dataclass(frozen=True)
class _Tier:
    """One word-prefix tier: how to sort and how to walk its matches."""

    sort: str  # every match in scope, ranked (cheap when matches are few)
    walk_filter: str  # the tier's membership test on one row, for the rank-order walk


def _word_tiers(sqlite: bool, words: list[str], scope: str, params: dict[str, Any]) -> list[_Tier]:
    if sqlite:
        all_expr = " AND ".join(f'"{w}"*' for w in words)
        name_expr = " AND ".join(f'name : "{w}"*' for w in words)
        params["name_expr"] = name_expr
        params["body_expr"] = f"({all_expr}) NOT ({name_expr})"
        # Row tests equal to the FTS expressions: both columns hold space-separated normalised tokens,
        # so "a word starts with w" is "' ' || column contains ' ' || w".
        for n, w in enumerate(words):
            params[f"w{n}"] = f"% {w}%"
        in_name = " AND ".join(f"(' ' || e.name_norm) LIKE :w{n}" for n in range(len(words)))
        in_any = " AND ".join(
            f"(' ' || e.name_norm || ' ' || e.search_body) LIKE :w{n}" for n in range(len(words))
        )
        # CROSS JOIN keeps the FTS table outermost: left to itself the planner may walk the rank
        # index and run the MATCH once per entity.
        fts = f"FROM {FTS_TABLE} f CROSS JOIN graph_entities e ON e.pk = f.rowid WHERE {FTS_TABLE} MATCH"
        return [
            _Tier(
                f"SELECT {_COLUMNS} {fts} :name_expr AND {scope} AND NOT ({_NAME_PREFIX}) {_RANK} LIMIT :limit",
                f"{in_name} AND NOT ({_NAME_PREFIX})",
            ),
            _Tier(
                f"SELECT {_COLUMNS} {fts} :body_expr AND {scope} {_RANK} LIMIT :limit",
                f"{in_any} AND NOT ({in_name})",
            ),
        ]
    params["expr"] = " & ".join(f"{w}:*" for w in words)
    has_all = "e.search_tsv @@ to_tsquery('simple', :expr)"
    # name_tsv holds the name's words only (own GIN index): no weight filter, so no heap recheck.
    has_name = "e.name_tsv @@ to_tsquery('simple', :expr)"
    # coalesce: a row whose name_tsv is NULL (never indexed) has no name match, rather than unknown.
    no_name = f"NOT coalesce({has_name}, false)"
    # The sort runs only once the walk found the tier sparse, so it must reach its matches through
    # the GIN index (ANDed with the tenant/kind b-tree). Left to itself the planner, misjudging how
    # many rows a prefix tsquery matches, walks ix_graph_entities_tenant_rank for the ORDER BY ...
    # LIMIT and filters the whole tenant (~50,000 rows, >100 ms); MATERIALIZED makes it plan the
    # matching set alone.
    return [
        _Tier(
            f"WITH m AS MATERIALIZED (SELECT {_COLUMNS}, e.name_len FROM graph_entities e "  # noqa: S608 - constant SQL fragments; values are bound
            f"WHERE {scope} AND {test}) SELECT * FROM m e {_RANK} LIMIT :limit",
            test,
        )
        for test in (f"{has_name} AND NOT ({_NAME_PREFIX})", f"{has_all} AND {no_name}")
    ]


def search(
    session: Session,
    *,
    tenant_id: str,
    query: str,
    kinds: Sequence[str],
    environment: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Ranked matches of ``query`` among the tenant's entities of ``kinds`` (empty kinds: none).

    Each ranking tier is its own indexed query with a LIMIT, run in rank order until the page is
    full, so a short prefix never ranks every entity it matches:

    * exact + prefix: a range scan of the name index (the exact name is the shortest prefix
      match, so one query ranks both);
    * name words, then body: only when some query word has :data:`MIN_FTS_WORD_CHARS` characters.
      Each first walks up to :data:`WALK_MAX` of the scope's entities in rank order, testing each
      row, and stops when the page is full (a dense tier); otherwise it sorts its indexed matches.
    """
    if not tenant_id:
        raise ValueError("tenant_id is required")
    words = tokens(query)[:MAX_QUERY_WORDS]
    if not words or not kinds or limit <= 0:
        return []
    qnorm = " ".join(words)
    need = offset + limit
    params: dict[str, Any] = {
        "tenant": tenant_id,
        "q": qnorm,
        "q_hi": prefix_upper_bound(qnorm),
        "kinds": list(kinds),
        "scan": WALK_MAX,
    }
    scope = "e.tenant_id = :tenant AND e.kind IN :kinds"
    if environment:
        scope += " AND e.environment = :env"
        params["env"] = environment

    def execute(sql: str, count: int = 0) -> Any:
        stmt = text(sql)
        if ":kinds" in sql:
            stmt = stmt.bindparams(bindparam("kinds", expanding=True))
        return session.execute(stmt, {**params, "limit": count})

    sqlite = _is_sqlite(session)
    # Ranked from the covering name index alone; only the page's rows are read from the table.
    by_name = (
        "graph_entities e INDEXED BY ix_graph_entities_tenant_name_norm" if sqlite else "graph_entities e"
    )
    rows = execute(
        f"SELECT {_COLUMNS} FROM graph_entities e WHERE e.pk IN ("  # noqa: S608 - constant SQL fragments; values are bound
        f"SELECT e.pk FROM {by_name} WHERE {scope} AND {_NAME_PREFIX} {_RANK} LIMIT :limit) {_RANK}",
        need,
    )
    hits = _rows_to_hits(rows.mappings().all(), lambda row: 0 if row["name_norm"] == qnorm else 1)
    if len(hits) >= need or max(len(w) for w in words) < MIN_FTS_WORD_CHARS:
        return hits[offset:need]
    if sqlite:
        _ensure_index_once(session)
    by_rank = "graph_entities e INDEXED BY ix_graph_entities_tenant_rank" if sqlite else "graph_entities e"
    for tier, plan in enumerate(_word_tiers(sqlite, words, scope, params), start=2):
        want = need - len(hits)
        found = None
        # Walk first: the inner query reads the scope in rank order off ix_graph_entities_tenant_rank,
        # lazily (a co-routine on SQLite, a Limit over an index scan on PostgreSQL), and the outer one
        # has no ORDER BY, so a dense tier stops at the page's end (rows are re-sorted below; the
        # page's order never rests on that). A sparse tier falls through to sorting its matches.
        walk = (
            f"SELECT * FROM (SELECT {_COLUMNS}, e.name_len, e.search_body"  # noqa: S608 - constant SQL fragments; values are bound
            f"{'' if sqlite else ', e.search_tsv, e.name_tsv'} FROM {by_rank} WHERE {scope} {_RANK} LIMIT :scan) e "
            f"WHERE {plan.walk_filter} LIMIT :limit"
        )
        found = sorted(
            execute(walk, want).mappings().all(), key=lambda r: (r["name_len"], r["name_norm"], r["pk"])
        )
        if len(found) < want:
            scanned = execute(
                f"SELECT count(*) FROM (SELECT 1 FROM graph_entities e WHERE {scope} LIMIT :scan) c"  # noqa: S608 - constant SQL fragments; values are bound
            ).scalar_one()
            if scanned >= WALK_MAX:
                found = None  # the walk did not reach the end of the scope: rank every match instead
        if found is None:
            found = execute(plan.sort, want).mappings().all()
        hits += _rows_to_hits(found, lambda _row, t=tier: t)
        if len(hits) >= need:
            break
    return hits[offset:need]


def kinds_present(session: Session, tenant_id: str) -> list[str]:
    """The distinct kinds of the tenant's entities, by a skip scan of ``ix_graph_entities_tenant_kind``.

    One index seek per kind (a recursive CTE on both backends) instead of reading every entry.
    """
    if not tenant_id:
        raise ValueError("tenant_id is required")
    rows = session.execute(
        text(
            "WITH RECURSIVE k(kind) AS ("
            " SELECT MIN(kind) FROM graph_entities WHERE tenant_id = :tenant"
            " UNION ALL"
            " SELECT (SELECT MIN(g.kind) FROM graph_entities g WHERE g.tenant_id = :tenant AND g.kind > k.kind)"
            " FROM k WHERE k.kind IS NOT NULL"
            ") SELECT kind FROM k WHERE kind IS NOT NULL"
        ),
        {"tenant": tenant_id},
    )
    return [r[0] for r in rows]
