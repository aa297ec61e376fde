from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dataset_import_create_csv_encoding import DatasetImportCreateCsvEncoding
from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetImportCreateCsv")


@_attrs_define
class DatasetImportCreateCsv:
    """
    Attributes:
        header (bool | Unset):  Default: True.
        delimiter (str | Unset):  Default: ','.
        quote_char (str | Unset): Not the delimiter (409 otherwise). Default: '\\\\"'.
        encoding (DatasetImportCreateCsvEncoding | Unset):
    """

    header: bool | Unset = True
    delimiter: str | Unset = ","
    quote_char: str | Unset = '\\"'
    encoding: DatasetImportCreateCsvEncoding | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        header = self.header

        delimiter = self.delimiter

        quote_char = self.quote_char

        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if header is not UNSET:
            field_dict["header"] = header
        if delimiter is not UNSET:
            field_dict["delimiter"] = delimiter
        if quote_char is not UNSET:
            field_dict["quote_char"] = quote_char
        if encoding is not UNSET:
            field_dict["encoding"] = encoding

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        header = d.pop("header", UNSET)

        delimiter = d.pop("delimiter", UNSET)

        quote_char = d.pop("quote_char", UNSET)

        _encoding = d.pop("encoding", UNSET)
        encoding: DatasetImportCreateCsvEncoding | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = DatasetImportCreateCsvEncoding(_encoding)

        dataset_import_create_csv = cls(
            header=header,
            delimiter=delimiter,
            quote_char=quote_char,
            encoding=encoding,
        )

        return dataset_import_create_csv
