"""``companyos datasets …``, ``companyos import …`` and ``companyos export …``: the tenant data ramp.

Datasets (schema, classification, residency), imports (upload in checksummed parts with a progress bar,
pre-flight, the import job with a live progress bar, quarantine, rollback) and exports (start, follow,
download the signed pack, verify it offline, trace a leaked file back to its export).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tarfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

from companyos.formats import file_format

from ._common import All, Limit, PageSize, Purpose, limited, state
from ._errors import CliError, ExitCode
from ._output import Column, err_console, render_list, render_object
from .jobs import COLUMNS as JOB_COLUMNS
from .jobs import Interval, Timeout, watch_job

__all__ = ["app", "export_app", "import_app"]

app: typer.Typer = typer.Typer(
    help="Datasets: schema, classification, residency, samples.", no_args_is_help=True
)
import_app: typer.Typer = typer.Typer(
    help="Imports: upload in parts, pre-flight, run, quarantine, retry, rollback.", no_args_is_help=True
)
export_app: typer.Typer = typer.Typer(
    help="Exports: start, download, verify offline, trace a leaked file.", no_args_is_help=True
)

COLUMNS: list[Column] = [("ID", "id"), ("NAME", "name"), ("RESIDENCY", "residency"), ("ROWS", "row_count"),
                         ("FIELDS", lambda d: len(d.get("fields") or [])), ("UPDATED", "updated_at")]  # fmt: skip
IMPORT_COLUMNS: list[Column] = [("ID", "id"), ("FORMAT", "format"), ("STATE", "state"),
                                ("JOB", lambda i: (i.get("job") or {}).get("state")),
                                ("WRITTEN", lambda i: (i.get("result") or {}).get("rows_written")),
                                ("QUARANTINED", lambda i: (i.get("result") or {}).get("rows_quarantined")),
                                ("CREATED", "created_at")]  # fmt: skip
EXPORT_COLUMNS: list[Column] = [("ID", "id"), ("RECIPIENT", "recipient"), ("DESTINATION", "destination_region"),
                                ("JOB", lambda e: (e.get("job") or {}).get("state")), ("PACK", "evidence_pack_id"),
                                ("CREATED", "created_at")]  # fmt: skip
PART_SIZE = 4 << 20
WATERMARK = "_watermark"


def dataset_ref(st: Any, ref: str) -> str:
    """A dataset id, or the id of the tenant's dataset of that name."""
    if ref.startswith("ds_"):
        return ref
    for dataset in st.client().datasets.list(tenant=st.require_tenant()):
        if dataset["name"] == ref:
            return str(dataset["id"])
    raise CliError(f"no dataset named {ref!r} in tenant {st.require_tenant()}", ExitCode.NOT_FOUND)


# -- datasets ---------------------------------------------------------------------------------------
@app.command("list")
def list_(
    ctx: typer.Context,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """The tenant's datasets."""
    st = state(ctx)
    pager = st.client().datasets.list(tenant=st.require_tenant(), page_size=page_size, purpose=purpose)
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, dataset_id: str, purpose: Purpose = None) -> None:
    """One dataset with its schema (fields, types, classifications)."""
    st = state(ctx)
    dataset = st.client().datasets.retrieve(
        dataset_ref(st, dataset_id), tenant=st.require_tenant(), purpose=purpose
    )
    if st.output != "table":
        render_object(dataset, st.output)
        return
    render_object(dataset, st.output, COLUMNS[:4])
    render_list(dataset["fields"], [("FIELD", "name"), ("TYPE", "type"), ("CLASSIFICATION", "classification"),
                                    ("NULLABLE", "nullable")], st.output)  # fmt: skip


@app.command("create")
def create(
    ctx: typer.Context,
    name: str,
    field: Annotated[
        list[str], typer.Option("--field", "-f", help="NAME:TYPE:CLASSIFICATION[:required] (repeatable).")
    ],
    residency: Annotated[
        str | None, typer.Option(help="eu, us, uk, apac, ca (default: the tenant's).")
    ] = None,
    time_field: Annotated[str | None, typer.Option(help="The timestamp field exports filter on.")] = None,
    description: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Declare a dataset."""
    st = state(ctx)
    fields = []
    for spec in field:
        parts = spec.split(":")
        if len(parts) not in (3, 4):
            raise CliError(f"--field {spec!r}: expected NAME:TYPE:CLASSIFICATION[:required]", ExitCode.USAGE)
        fields.append(
            {"name": parts[0], "type": parts[1], "classification": parts[2], "nullable": len(parts) == 3}
        )
    dataset = st.client().datasets.create(
        tenant=st.require_tenant(), name=name, fields=fields, residency=residency, time_field=time_field,  # type: ignore[arg-type]  # validated by the API
        description=description,
    )  # fmt: skip
    render_object(dataset, st.output, COLUMNS)


@app.command("update")
def update(
    ctx: typer.Context,
    dataset_id: str,
    classify: Annotated[
        list[str] | None,
        typer.Option("--classify", help="FIELD=public|internal|confidential|pii (repeatable)."),
    ] = None,
    nullable: Annotated[
        list[str] | None, typer.Option("--nullable", help="FIELD may be empty from now on (repeatable).")
    ] = None,
    max_length: Annotated[
        list[str] | None,
        typer.Option("--max-length", help="FIELD=N (a longer limit) or FIELD=none (repeatable)."),
    ] = None,
    description: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Evolve the schema: reclassify fields, let them be empty, widen their length limit."""
    st = state(ctx)
    tenant = st.require_tenant()
    client = st.client()
    ref = dataset_ref(st, dataset_id)
    changes: dict[str, Any] = {}
    if classify or nullable or max_length:
        fields = [dict(f) for f in client.datasets.retrieve(ref, tenant=tenant)["fields"]]
        by_name = {f["name"]: f for f in fields}
        for option, values in (
            ("--classify", classify),
            ("--nullable", nullable),
            ("--max-length", max_length),
        ):
            for value in values or []:
                name, _, setting = value.partition("=")
                if name not in by_name:
                    raise CliError(f"{option} {value!r}: the dataset has no field {name!r}", ExitCode.USAGE)
                if option == "--nullable":
                    by_name[name]["nullable"] = True
                elif not setting:
                    raise CliError(f"{option} {value!r}: expected FIELD=VALUE", ExitCode.USAGE)
                elif option == "--classify":
                    by_name[name]["classification"] = setting
                elif setting == "none":
                    by_name[name]["max_length"] = None
                elif setting.isdigit() and int(setting) > 0:
                    by_name[name]["max_length"] = int(setting)
                else:
                    raise CliError(f"{option} {value!r}: expected a positive number or none", ExitCode.USAGE)
        changes["fields"] = fields
    if description is not None:
        changes["description"] = description
    if not changes:
        raise CliError(
            "nothing to change: give --classify, --nullable, --max-length or --description", ExitCode.USAGE
        )
    dataset = client.datasets.update(ref, tenant=tenant, **changes)
    render_object(dataset, st.output, COLUMNS)


@app.command("sample")
def sample(ctx: typer.Context, dataset_id: str, limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100)] = 10,
           purpose: Purpose = None) -> None:  # fmt: skip
    """The first rows (confidential and PII fields masked)."""
    st = state(ctx)
    result = st.client().datasets.sample(
        dataset_ref(st, dataset_id), tenant=st.require_tenant(), limit=limit, purpose=purpose
    )
    rows = result["rows"]
    columns: list[Column] = [(k.upper(), k) for k in (rows[0].keys() if rows else [])]
    render_list(rows, columns, st.output)


# -- imports ----------------------------------------------------------------------------------------
def _manifest_entry(path: Path, rows: int | None) -> dict[str, Any]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            size += len(block)
    entry: dict[str, Any] = {"name": path.name, "sha256": digest.hexdigest(), "size_bytes": size}
    if rows is not None:
        entry["rows"] = rows
    return entry


Format = Annotated[
    str, typer.Option("--format", help="csv, ndjson or parquet (default: from the extension).")
]


def _guess_format(path: Path) -> str:
    return file_format(path) or "csv"


@import_app.command("open")
def open_(
    ctx: typer.Context,
    dataset_id: str,
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="The files to import.")],
    fmt: Format = "",
    rows: Annotated[
        list[int] | None, typer.Option("--rows", help="Expected rows per file, in order (manifest).")
    ] = None,
    delimiter: Annotated[str, typer.Option(help="CSV delimiter.")] = ",",
    no_header: Annotated[bool, typer.Option("--no-header", help="The CSV has no header row.")] = False,
    encoding: Annotated[str, typer.Option(help="utf-8, latin-1, windows-1252, utf-16.")] = "utf-8",
) -> None:
    """Open an import: the manifest (files, SHA-256, sizes, expected rows) is computed from the files."""
    st = state(ctx)
    imp = _open(st, dataset_id, files, fmt, rows, delimiter, no_header, encoding)
    render_object(imp, st.output, IMPORT_COLUMNS)


def _open(st: Any, dataset_id: str, files: list[Path], fmt: str, rows: list[int] | None, delimiter: str,
          no_header: bool, encoding: str) -> dict[str, Any]:  # fmt: skip
    if rows and len(rows) != len(files):
        raise CliError("--rows needs one count per file", ExitCode.USAGE)
    gz = {f.suffix.lower() == ".gz" for f in files}
    if len(gz) > 1:
        raise CliError("mix of gzip and plain files: import them separately", ExitCode.USAGE)
    manifest = [_manifest_entry(f, rows[i] if rows else None) for i, f in enumerate(files)]
    return dict(st.client().datasets.create_import(
        dataset_ref(st, dataset_id), tenant=st.require_tenant(), format=fmt or _guess_format(files[0]),
        compression="gzip" if gz == {True} else "none", encoding=encoding,
        csv={"header": not no_header, "delimiter": delimiter}, manifest={"files": manifest},
    ))  # fmt: skip


def _upload(st: Any, import_id: str, files: list[Path], part_size: int) -> None:
    datasets = st.client().datasets
    tenant = st.require_tenant()
    total = sum(f.stat().st_size for f in files)
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, console=err_console(), transient=False) as bar:
        task = bar.add_task("upload", total=total)
        for path in files:
            with open(path, "rb") as f:
                number = 1
                while True:
                    part = f.read(part_size)
                    if not part and number > 1:
                        break
                    datasets.upload_part(import_id, path.name, number, tenant=tenant,
                                         sha256=hashlib.sha256(part).hexdigest(), content=part)  # fmt: skip
                    bar.update(task, advance=len(part), description=f"upload {path.name} part {number}")
                    number += 1
                    if not part:
                        break


@import_app.command("upload")
def upload(
    ctx: typer.Context,
    import_id: str,
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False)],
    part_size: Annotated[int, typer.Option(min=1024, max=8 << 20, help="Bytes per part.")] = PART_SIZE,
) -> None:
    """Upload files in checksummed parts (a part sent again is accepted once), with a progress bar."""
    _upload(state(ctx), import_id, files, part_size)


@import_app.command("start")
def start(ctx: typer.Context, import_id: str,
          watch: Annotated[bool, typer.Option("--watch", "-w", help="Follow the job until it ends.")] = False,
          interval: Interval = 1.0, timeout: Timeout = None) -> None:  # fmt: skip
    """Pre-flight and start the import job."""
    st = state(ctx)
    tenant = st.require_tenant()
    client = st.client()
    job = client.datasets.start_import(import_id, tenant=tenant)
    if watch:
        watch_job(st, client, job["id"], tenant, interval=interval, timeout=timeout)
    else:
        render_object(job, st.output, JOB_COLUMNS)


@import_app.command("run")
def run(
    ctx: typer.Context,
    dataset_id: str,
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False)],
    fmt: Format = "",
    rows: Annotated[
        list[int] | None, typer.Option("--rows", help="Expected rows per file, in order.")
    ] = None,
    delimiter: Annotated[str, typer.Option(help="CSV delimiter.")] = ",",
    no_header: Annotated[bool, typer.Option("--no-header")] = False,
    encoding: Annotated[str, typer.Option()] = "utf-8",
    part_size: Annotated[int, typer.Option(min=1024, max=8 << 20)] = PART_SIZE,
    interval: Interval = 1.0,
    timeout: Timeout = None,
) -> None:
    """Open, upload, pre-flight and run an import, following it with progress bars."""
    st = state(ctx)
    tenant = st.require_tenant()
    imp = _open(st, dataset_id, files, fmt, rows, delimiter, no_header, encoding)
    print(f"import {imp['id']}", file=__import__("sys").stderr)
    _upload(st, imp["id"], files, part_size)
    client = st.client()
    job = client.datasets.start_import(imp["id"], tenant=tenant)
    watch_job(st, client, job["id"], tenant, interval=interval, timeout=timeout)
    render_object(client.datasets.retrieve_import(imp["id"], tenant=tenant), st.output, IMPORT_COLUMNS)


STAGING_COLUMNS: list[Column] = [("PATH", "path"), ("BYTES", "size_bytes"), ("MODIFIED", "modified_at")]


@import_app.command("staging-files")
def staging_files(
    ctx: typer.Context,
    prefix: Annotated[str, typer.Option(help="Only paths starting with this.")] = "",
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Files in the tenant's staging area, which `companyos import staged` imports without uploading."""
    st = state(ctx)
    pager = st.client().datasets.list_staging_files(
        tenant=st.require_tenant(), prefix=prefix or None, page_size=page_size
    )
    render_list(limited(pager, limit, every), STAGING_COLUMNS, st.output)


@import_app.command("staged")
def staged(
    ctx: typer.Context,
    dataset_id: str,
    paths: Annotated[list[str], typer.Argument(help="Staging paths (see `companyos import staging-files`).")],
    sha256: Annotated[
        list[str], typer.Option("--sha256", help="Each file's SHA-256 as its sender gave it, in order.")
    ],
    size: Annotated[list[int], typer.Option("--size", help="Each file's size in bytes, in order.")],
    fmt: Format = "",
    rows: Annotated[
        list[int] | None, typer.Option("--rows", help="Expected rows per file, in order.")
    ] = None,
    delimiter: Annotated[str, typer.Option(help="CSV delimiter.")] = ",",
    no_header: Annotated[bool, typer.Option("--no-header")] = False,
    encoding: Annotated[str, typer.Option()] = "utf-8",
    start_now: Annotated[bool, typer.Option("--start/--no-start", help="Pre-flight and start it.")] = True,
    interval: Interval = 1.0,
    timeout: Timeout = None,
) -> None:
    """Import files already in the staging area: nothing is uploaded; the server checks each file's size
    and SHA-256 against the ones given here, then runs the import (followed with a progress bar)."""
    st = state(ctx)
    for option, values in (("--sha256", sha256), ("--size", size), ("--rows", rows)):
        if values and len(values) != len(paths):
            raise CliError(f"{option} needs one value per staging path", ExitCode.USAGE)
    names = [path.rsplit("/", 1)[-1] for path in paths]
    if len(set(names)) != len(names):
        raise CliError("two staging paths end in the same file name: import them separately", ExitCode.USAGE)
    gz = {name.lower().endswith(".gz") for name in names}
    if len(gz) > 1:
        raise CliError("mix of gzip and plain files: import them separately", ExitCode.USAGE)
    files = [
        {"name": name, "staging_path": path, "sha256": digest.lower(), "size_bytes": nbytes,
         **({"rows": rows[i]} if rows else {})}
        for i, (name, path, digest, nbytes) in enumerate(zip(names, paths, sha256, size, strict=True))
    ]  # fmt: skip
    client: Any = st.client()  # format and encoding are checked by the server, named in its problem
    tenant = st.require_tenant()
    imp = client.datasets.create_import(
        dataset_ref(st, dataset_id), tenant=tenant, format=fmt or _guess_format(Path(names[0])),
        compression="gzip" if gz == {True} else "none", encoding=encoding,
        csv={"header": not no_header, "delimiter": delimiter}, manifest={"files": files},
    )  # fmt: skip
    if not start_now:
        render_object(imp, st.output, IMPORT_COLUMNS)
        return
    print(f"import {imp['id']}", file=__import__("sys").stderr)
    job = client.datasets.start_import(imp["id"], tenant=tenant)
    watch_job(st, client, job["id"], tenant, interval=interval, timeout=timeout)
    render_object(client.datasets.retrieve_import(imp["id"], tenant=tenant), st.output, IMPORT_COLUMNS)


@import_app.command("get")
def get_import(ctx: typer.Context, import_id: str, purpose: Purpose = None) -> None:
    """An import: files, pre-flight report, job progress and result."""
    st = state(ctx)
    render_object(st.client().datasets.retrieve_import(import_id, tenant=st.require_tenant(), purpose=purpose),
                  st.output, IMPORT_COLUMNS)  # fmt: skip


@import_app.command("list")
def list_imports(ctx: typer.Context, dataset_id: str, limit: Limit = 50, every: All = False,
                 page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """A dataset's imports, newest first."""
    st = state(ctx)
    pager = st.client().datasets.list_imports(
        dataset_ref(st, dataset_id), tenant=st.require_tenant(), page_size=page_size, purpose=purpose
    )
    render_list(limited(pager, limit, every), IMPORT_COLUMNS, st.output)


@import_app.command("quarantine")
def quarantine(ctx: typer.Context, import_id: str, limit: Limit = 50, every: All = False,
               page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """Rows that were not written: file, row number, field and rule."""
    st = state(ctx)
    pager = st.client().datasets.quarantine(
        import_id, tenant=st.require_tenant(), page_size=page_size, purpose=purpose
    )
    render_list(limited(pager, limit, every), [("FILE", "file"), ("ROW", "row"), ("FIELD", "field"), ("RULE", "rule"),
                                                ("DETAIL", "detail")], st.output)  # fmt: skip


@import_app.command("retry")
def retry(ctx: typer.Context, import_id: str,
          watch: Annotated[bool, typer.Option("--watch", "-w", help="Follow the job until it ends.")] = False,
          interval: Interval = 1.0, timeout: Timeout = None) -> None:  # fmt: skip
    """Validate a finished import's quarantined rows again (after a schema fix) as a new import."""
    st = state(ctx)
    tenant = st.require_tenant()
    client = st.client()
    attempt = client.datasets.retry_import(import_id, tenant=tenant)
    print(f"import {attempt['id']} retries {import_id}", file=__import__("sys").stderr)
    if watch and attempt.get("job_id"):
        watch_job(st, client, str(attempt["job_id"]), tenant, interval=interval, timeout=timeout)
        attempt = client.datasets.retrieve_import(attempt["id"], tenant=tenant)
    render_object(attempt, st.output, IMPORT_COLUMNS)


@import_app.command("rollback")
def rollback(ctx: typer.Context, import_id: str) -> None:
    """Remove an import's rows, quarantine and staging area."""
    st = state(ctx)
    render_object(
        st.client().datasets.rollback_import(import_id, tenant=st.require_tenant()), st.output, IMPORT_COLUMNS
    )


# -- exports ----------------------------------------------------------------------------------------
@export_app.command("create")
def create_export(
    ctx: typer.Context,
    dataset_id: str,
    recipient: Annotated[str, typer.Option(help="Who receives the export (goes into the watermark).")],
    destination: Annotated[str | None, typer.Option("--destination", help="Destination region.")] = None,
    since: Annotated[str | None, typer.Option(help="RFC 3339, inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="RFC 3339, exclusive.")] = None,
    redact: Annotated[
        list[str] | None, typer.Option("--redact", help="FIELD=keep|mask|hash|drop (repeatable).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Follow the job, then save the pack here.")
    ] = None,
    interval: Interval = 1.0,
    timeout: Timeout = None,
) -> None:
    """Start an export (residency-checked, redacted, watermarked, signed)."""
    st = state(ctx)
    tenant = st.require_tenant()
    client = st.client()
    redactions = dict(item.split("=", 1) for item in redact or [] if "=" in item)
    # The region and redaction modes are validated by the API (its problem names a bad one).
    export = client.datasets.create_export(
        dataset_ref(st, dataset_id),
        tenant=tenant,
        recipient=recipient,
        destination_region=destination,  # type: ignore[arg-type]
        since=since,
        until=until,
        redactions=redactions or None,  # type: ignore[arg-type]
    )
    if output is None:
        render_object(export, st.output, EXPORT_COLUMNS)
        return
    watch_job(st, client, str(export["job_id"]), tenant, interval=interval, timeout=timeout)
    output.write_bytes(client.datasets.download_export(export["id"], tenant=tenant))
    print(f"{output}: export {export['id']}")


@export_app.command("get")
def get_export(ctx: typer.Context, export_id: str, purpose: Purpose = None) -> None:
    """An export, its job and evidence pack."""
    st = state(ctx)
    render_object(st.client().datasets.retrieve_export(export_id, tenant=st.require_tenant(), purpose=purpose),
                  st.output, EXPORT_COLUMNS)  # fmt: skip


@export_app.command("list")
def list_exports(ctx: typer.Context, dataset_id: str, limit: Limit = 50, every: All = False,
                 page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """A dataset's exports, newest first."""
    st = state(ctx)
    pager = st.client().datasets.list_exports(
        dataset_ref(st, dataset_id), tenant=st.require_tenant(), page_size=page_size, purpose=purpose
    )
    render_list(limited(pager, limit, every), EXPORT_COLUMNS, st.output)


@export_app.command("download")
def download(ctx: typer.Context, export_id: str,
             output: Annotated[Path, typer.Option("--output", "-o", help="Where to save the pack.")],
             purpose: Purpose = None) -> None:  # fmt: skip
    """Save an export's signed pack (.tar.gz)."""
    st = state(ctx)
    output.write_bytes(
        st.client().datasets.download_export(export_id, tenant=st.require_tenant(), purpose=purpose)
    )
    print(f"{output}")


def _members(data: bytes) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            extracted = tar.extractfile(member) if member.isfile() else None
            if extracted is not None:
                out[member.name.split("/", 1)[-1]] = extracted.read()
    return out


def _text_rows(name: str, content: bytes) -> int:
    text = content.decode("utf-8")
    if name.endswith(".csv"):
        return max(0, sum(1 for _ in csv.reader(io.StringIO(text))) - 1)  # the header is not a row
    return sum(1 for line in text.split("\n") if line.strip())  # JSON may hold U+2028 unescaped


def verify_pack(data: bytes, trusted: list[bytes] | None = None) -> dict[str, Any]:
    """Signature and digests (the evidence check), then the export's own manifest: files and row counts."""
    from companyos.evidence import verify_archive

    result = verify_archive(data, trusted)
    report: dict[str, Any] = {**result.to_dict(), "export_id": None, "rows": None, "files": []}
    if not result.ok:
        return report
    files = _members(data)
    manifest = json.loads(files["manifest.json"])
    by_name = {i["name"]: i["sha256"] for i in manifest["items"]}
    document = json.loads(files[f"items/{by_name['export.json']}"]) if "export.json" in by_name else None
    if document is None:
        report["ok"] = False
        report["problems"].append("export.json is missing: not an export pack")
        return report
    report["export_id"], report["rows"] = document["export_id"], document["rows"]
    try:
        import pyarrow.parquet as pq
    except ImportError:  # signature and digests are checked; row counts need pyarrow
        pq = None
    for f in document["files"]:
        digest = by_name.get(f["name"])
        entry: dict[str, Any] = {"name": f["name"], "rows": f["rows"], "sha256_ok": digest == f["sha256"]}
        if digest != f["sha256"]:
            report["problems"].append(
                f"{f['name']}: export.json and the signed manifest disagree on its sha256"
            )
        elif not f["name"].endswith(".parquet"):  # a report export's CSV / NDJSON file
            entry["rows_read"] = _text_rows(f["name"], files[f"items/{digest}"])
            if entry["rows_read"] != f["rows"]:
                report["problems"].append(
                    f"{f['name']}: {entry['rows_read']} rows, export.json says {f['rows']}"
                )
        elif pq is not None:
            meta = pq.ParquetFile(io.BytesIO(files[f"items/{digest}"])).metadata
            entry["rows_read"] = meta.num_rows
            kv = {k.decode(): v.decode() for k, v in (meta.metadata or {}).items()}
            if meta.num_rows != f["rows"]:
                report["problems"].append(f"{f['name']}: {meta.num_rows} rows, export.json says {f['rows']}")
            if kv.get("companyos.export_id") != document["export_id"]:
                report["problems"].append(
                    f"{f['name']}: its metadata does not name export {document['export_id']}"
                )
        report["files"].append(entry)
    if sum(f["rows"] for f in document["files"]) != document["rows"]:
        report["problems"].append("the files' row counts do not add up to the export's rows")
    report["ok"] = not report["problems"]
    return report


@export_app.command("verify")
def verify(
    ctx: typer.Context,
    pack: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="A downloaded export pack (.tar.gz).")
    ],
    trust: Annotated[
        list[Path] | None, typer.Option("--trust", help="Trusted public key (PEM; repeatable).")
    ] = None,
) -> None:
    """Verify an export pack offline: signature, every file's digest, row counts and watermark metadata."""
    st = state(ctx)
    report = verify_pack(pack.read_bytes(), [p.read_bytes() for p in trust or []] or None)
    if st.output != "table":
        render_object(report, st.output)
    elif report["ok"]:
        print(f"OK: export {report['export_id']} intact ({len(report['files'])} files, {report['rows']} rows, "
              f"pack {report['pack_id']} signed by {report['key_id']})")  # fmt: skip
    if not report["ok"]:
        raise CliError(
            f"export pack {pack.name} is not intact: " + "; ".join(report["problems"]), ExitCode.ERROR
        )


def _tag(export_id: str, recipient: str) -> str:
    return hashlib.sha256(f"{export_id}|{recipient}".encode()).hexdigest()[:8]


@export_app.command("trace")
def trace(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="A Parquet file found in the wild.")
    ],
    dataset: Annotated[
        list[str] | None,
        typer.Option("--dataset", help="Match watermarks against this dataset's exports (API)."),
    ] = None,
) -> None:
    """Name the export a leaked file came from: its metadata, confirmed by (or, stripped, found from) its row watermarks."""
    st = state(ctx)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CliError("export trace reads Parquet: install pyarrow", ExitCode.ERROR) from None
    parquet = pq.ParquetFile(str(file))
    meta = {k.decode(): v.decode() for k, v in (parquet.schema_arrow.metadata or {}).items()}
    marks = [m for m in (parquet.read(columns=[WATERMARK]).column(0).to_pylist()
                         if WATERMARK in parquet.schema_arrow.names else []) if m][:1000]  # fmt: skip
    export_id, recipient = meta.get("companyos.export_id"), meta.get("companyos.recipient")
    result: dict[str, Any] = {
        "file": str(file),
        "export_id": None,
        "recipient": None,
        "source": None,
        "match": None,
    }
    if export_id and recipient:
        share = sum(m[:8] == _tag(export_id, recipient) for m in marks) / len(marks) if marks else None
        result.update(export_id=export_id, recipient=recipient, source="metadata", match=share)
    if (result["match"] is None or result["match"] < 0.5) and marks and dataset:
        client, tenant = st.client(), st.require_tenant()
        for dataset_id in dataset:
            for export in client.datasets.list_exports(dataset_ref(st, dataset_id), tenant=tenant):
                share = sum(m[:8] == _tag(export["id"], export["recipient"]) for m in marks) / len(marks)
                if share >= 0.5 and share > (result["match"] or 0):
                    result.update(
                        export_id=export["id"], recipient=export["recipient"], source="watermark", match=share
                    )
    if st.output != "table":
        render_object(result, st.output)
    elif result["export_id"]:
        how = f", {result['match']:.0%} of rows watermarked" if result["match"] is not None else ""
        print(
            f"{file.name}: export {result['export_id']} for {result['recipient']} (from {result['source']}{how})"
        )
    if not result["export_id"]:
        raise CliError(
            f"{file.name}: no export could be named (no metadata, no matching watermarks)", ExitCode.NOT_FOUND
        )
