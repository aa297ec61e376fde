from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dataset_import_create_compression import DatasetImportCreateCompression
from ..models.dataset_import_create_encoding import DatasetImportCreateEncoding
from ..models.dataset_import_create_format import DatasetImportCreateFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_import_create_csv import DatasetImportCreateCsv
    from ..models.dataset_import_create_manifest import DatasetImportCreateManifest


T = TypeVar("T", bound="DatasetImportCreate")


@_attrs_define
class DatasetImportCreate:
    """
    Attributes:
        format_ (DatasetImportCreateFormat):
        manifest (DatasetImportCreateManifest):
        compression (DatasetImportCreateCompression | Unset):  Default: DatasetImportCreateCompression.NONE.
        encoding (DatasetImportCreateEncoding | Unset):  Default: DatasetImportCreateEncoding.UTF_8.
        csv (DatasetImportCreateCsv | Unset):
        chunk_rows (int | Unset): Rows per chunk (NDJSON, Parquet).
        block_size (int | Unset): Bytes per chunk (CSV).
    """

    format_: DatasetImportCreateFormat
    manifest: DatasetImportCreateManifest
    compression: DatasetImportCreateCompression | Unset = DatasetImportCreateCompression.NONE
    encoding: DatasetImportCreateEncoding | Unset = DatasetImportCreateEncoding.UTF_8
    csv: DatasetImportCreateCsv | Unset = UNSET
    chunk_rows: int | Unset = UNSET
    block_size: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_.value

        manifest = self.manifest.to_dict()

        compression: str | Unset = UNSET
        if not isinstance(self.compression, Unset):
            compression = self.compression.value

        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding.value

        csv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.csv, Unset):
            csv = self.csv.to_dict()

        chunk_rows = self.chunk_rows

        block_size = self.block_size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "format": format_,
                "manifest": manifest,
            }
        )
        if compression is not UNSET:
            field_dict["compression"] = compression
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if csv is not UNSET:
            field_dict["csv"] = csv
        if chunk_rows is not UNSET:
            field_dict["chunk_rows"] = chunk_rows
        if block_size is not UNSET:
            field_dict["block_size"] = block_size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_import_create_csv import DatasetImportCreateCsv
        from ..models.dataset_import_create_manifest import DatasetImportCreateManifest

        d = dict(src_dict)
        format_ = DatasetImportCreateFormat(d.pop("format"))

        manifest = DatasetImportCreateManifest.from_dict(d.pop("manifest"))

        _compression = d.pop("compression", UNSET)
        compression: DatasetImportCreateCompression | Unset
        if isinstance(_compression, Unset):
            compression = UNSET
        else:
            compression = DatasetImportCreateCompression(_compression)

        _encoding = d.pop("encoding", UNSET)
        encoding: DatasetImportCreateEncoding | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = DatasetImportCreateEncoding(_encoding)

        _csv = d.pop("csv", UNSET)
        csv: DatasetImportCreateCsv | Unset
        if isinstance(_csv, Unset):
            csv = UNSET
        else:
            csv = DatasetImportCreateCsv.from_dict(_csv)

        chunk_rows = d.pop("chunk_rows", UNSET)

        block_size = d.pop("block_size", UNSET)

        dataset_import_create = cls(
            format_=format_,
            manifest=manifest,
            compression=compression,
            encoding=encoding,
            csv=csv,
            chunk_rows=chunk_rows,
            block_size=block_size,
        )

        return dataset_import_create
