"""A tenant's staging area: files that arrive out of band (an operator's copy, an SFTP drop, a bucket sync)
for imports to name by ``staging_path`` instead of uploading them in parts.

On disk ``<var>/datasets/_staging-area/<tenant_id>/``. A path is plain relative segments (the API's
pattern, checked again here) and must resolve to a regular file inside the tenant's own area: no ``..``,
no absolute path, no symlink anywhere on the way (a link could point at another tenant's area or at the
server's keys).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from companyos_server.domains.datasets.lake import Lake
from companyos_server.platform.pagination import Page, paginate

SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
MAX_DEPTH = 10
MAX_LISTED = 10_000  # files walked for one listing; a staging area is a drop, not an archive


class StagingPathError(LookupError):
    """A staging path no import may name, or naming no regular file: ``reason`` says which."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def valid_path(path: str) -> bool:
    segments = path.split("/")
    return (
        0 < len(path) <= 500
        and len(segments) <= MAX_DEPTH
        and all(SEGMENT.fullmatch(s) and s not in (".", "..") and ".." not in s for s in segments)
    )


def resolve(lake: Lake, tenant_id: str, path: str) -> Path:
    """The regular file ``path`` names in the tenant's staging area, else :class:`StagingPathError`."""
    if not valid_path(path):
        raise StagingPathError(path, "not a staging path (relative plain segments, no '..')")
    current = lake.staging_area(tenant_id)
    for segment in path.split("/"):
        current = current / segment
        if current.is_symlink():
            raise StagingPathError(path, "passes through a symbolic link (links are not followed)")
    if not current.is_file():
        raise StagingPathError(path, "no such file in the staging area")
    return current


def _walk(directory: Path, prefix: str, depth: int) -> Iterator[tuple[str, Path]]:
    if depth > MAX_DEPTH:
        return
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        name = f"{prefix}{entry.name}"
        if entry.is_symlink() or not SEGMENT.fullmatch(entry.name) or ".." in entry.name:
            continue  # nothing an import could name
        if entry.is_dir():
            yield from _walk(entry, f"{name}/", depth + 1)
        elif entry.is_file():
            yield name, entry


def list_files(
    lake: Lake, tenant_id: str, *, prefix: str = "", after: str | None = None, limit: int
) -> list[dict[str, Any]]:
    """Regular files by path (after ``after``), at most ``limit``."""
    found: list[dict[str, Any]] = []
    base = lake.staging_area(tenant_id)
    if not base.is_dir():
        return found
    for walked, (name, path) in enumerate(_walk(base, "", 1)):
        if walked >= MAX_LISTED or len(found) >= limit:
            break
        if not name.startswith(prefix) or (after is not None and name <= after):
            continue
        stat = path.stat()
        found.append(
            {
                "path": name,
                "size_bytes": stat.st_size,
                "modified_at": datetime.fromtimestamp(stat.st_mtime, UTC),
            }
        )
    return found


def list_page(
    lake: Lake, tenant_id: str, *, prefix: str = "", page_size: int | None, page_token: str | None
) -> Page[dict[str, Any]]:
    return paginate(
        lambda after, limit: list_files(lake, tenant_id, prefix=prefix, after=after, limit=limit),
        key=lambda item: str(item["path"]),
        page_size=page_size,
        page_token=page_token,
        filters={"tenant": tenant_id, "prefix": prefix},
    )
