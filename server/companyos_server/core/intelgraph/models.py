"""IntelGraph tables: typed entities, directed edges and the change log, all tenant-owned.

An entity is addressed by its ref, ``"<kind>:<id>"``, unique within a tenant. Each entity row also
carries its search document (normalised name and body, environment) so the search index can be
rebuilt from this table alone; on PostgreSQL ``search_tsv`` holds the weighted ``tsvector`` (name
and body) and ``name_tsv`` the name's alone, each behind a GIN index (both stay NULL on SQLite), on SQLite the FTS5 table ``graph_search_fts`` (see ``search.py``) is keyed by ``pk``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, utcnow

PK_TYPE = BigInteger().with_variant(Integer(), "sqlite")
TSV_TYPE = Text().with_variant(TSVECTOR(), "postgresql")
# Search keys compare by code point on both backends (SQLite's BINARY; "C" on PostgreSQL), so name
# prefix ranges use the b-tree and ties order identically whatever the database's default collation.
NAME_NORM_TYPE = String(300).with_variant(String(300, collation="C"), "postgresql")


class GraphEntityRow(TenantOwned, Base):
    __tablename__ = "graph_entities"
    __table_args__ = (
        UniqueConstraint("tenant_id", "ref", name="uq_graph_entities_tenant_ref"),
        Index("ix_graph_entities_tenant_kind", "tenant_id", "kind"),
        # name-prefix search: a range scan on (tenant, name_norm) that filters and ranks in the index
        Index(
            "ix_graph_entities_tenant_name_norm", "tenant_id", "name_norm", "kind", "environment", "name_len"
        ),
        # search rank order (shorter name, then name, then pk): dense word-prefix tiers walk it in order
        Index("ix_graph_entities_tenant_rank", "tenant_id", "name_len", "name_norm", "pk"),
        Index("ix_graph_entities_search_tsv", "search_tsv", postgresql_using="gin"),
        # name-word tier: a GIN index cannot filter on tsvector weights ('w:*A' rechecks every row
        # whose body has the word), so the name's words get their own tsvector and index
        Index("ix_graph_entities_name_tsv", "name_tsv", postgresql_using="gin"),
    )

    pk: Mapped[int] = mapped_column(PK_TYPE, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(160), nullable=False)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    environment: Mapped[str | None] = mapped_column(String(40), nullable=True)
    name_norm: Mapped[str] = mapped_column(NAME_NORM_TYPE, nullable=False, default="")
    name_len: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # len(name_norm): rank key
    search_body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    search_tsv: Mapped[Any] = mapped_column(TSV_TYPE, nullable=True)
    name_tsv: Mapped[Any] = mapped_column(TSV_TYPE, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class GraphEdgeRow(TenantOwned, Base):
    __tablename__ = "graph_edges"
    __table_args__ = (
        UniqueConstraint("tenant_id", "src", "relation", "dst", name="uq_graph_edges_tenant_src_rel_dst"),
        Index("ix_graph_edges_tenant_src", "tenant_id", "src"),
        Index("ix_graph_edges_tenant_dst", "tenant_id", "dst"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    src: Mapped[str] = mapped_column(String(200), nullable=False)
    relation: Mapped[str] = mapped_column(String(60), nullable=False)
    dst: Mapped[str] = mapped_column(String(200), nullable=False)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class GraphChangeRow(TenantOwned, Base):
    __tablename__ = "graph_changes"
    __table_args__ = (Index("ix_graph_changes_tenant_ref_at", "tenant_id", "ref", "at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    ref: Mapped[str] = mapped_column(String(200), nullable=False)
    actor: Mapped[str | None] = mapped_column(String(200), nullable=True)
    action: Mapped[str] = mapped_column(String(60), nullable=False)
    summary: Mapped[str] = mapped_column(String(500), nullable=False)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
