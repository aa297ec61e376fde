from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.dataset_export_create_destination_region import DatasetExportCreateDestinationRegion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_export_create_redactions import DatasetExportCreateRedactions


T = TypeVar("T", bound="DatasetExportCreate")


@_attrs_define
class DatasetExportCreate:
    """
    Attributes:
        recipient (str): Who receives the export (goes into the watermark).
        destination_region (DatasetExportCreateDestinationRegion | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        redactions (DatasetExportCreateRedactions | Unset): Per field, a stricter action than the classification's
            default.
    """

    recipient: str
    destination_region: DatasetExportCreateDestinationRegion | Unset = UNSET
    since: datetime.datetime | Unset = UNSET
    until: datetime.datetime | Unset = UNSET
    redactions: DatasetExportCreateRedactions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient

        destination_region: str | Unset = UNSET
        if not isinstance(self.destination_region, Unset):
            destination_region = self.destination_region.value

        since: str | Unset = UNSET
        if not isinstance(self.since, Unset):
            since = self.since.isoformat()

        until: str | Unset = UNSET
        if not isinstance(self.until, Unset):
            until = self.until.isoformat()

        redactions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redactions, Unset):
            redactions = self.redactions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if destination_region is not UNSET:
            field_dict["destination_region"] = destination_region
        if since is not UNSET:
            field_dict["since"] = since
        if until is not UNSET:
            field_dict["until"] = until
        if redactions is not UNSET:
            field_dict["redactions"] = redactions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_export_create_redactions import DatasetExportCreateRedactions

        d = dict(src_dict)
        recipient = d.pop("recipient")

        _destination_region = d.pop("destination_region", UNSET)
        destination_region: DatasetExportCreateDestinationRegion | Unset
        if isinstance(_destination_region, Unset):
            destination_region = UNSET
        else:
            destination_region = DatasetExportCreateDestinationRegion(_destination_region)

        _since = d.pop("since", UNSET)
        since: datetime.datetime | Unset
        if isinstance(_since, Unset):
            since = UNSET
        else:
            since = datetime.datetime.fromisoformat(_since)

        _until = d.pop("until", UNSET)
        until: datetime.datetime | Unset
        if isinstance(_until, Unset):
            until = UNSET
        else:
            until = datetime.datetime.fromisoformat(_until)

        _redactions = d.pop("redactions", UNSET)
        redactions: DatasetExportCreateRedactions | Unset
        if isinstance(_redactions, Unset):
            redactions = UNSET
        else:
            redactions = DatasetExportCreateRedactions.from_dict(_redactions)

        dataset_export_create = cls(
            recipient=recipient,
            destination_region=destination_region,
            since=since,
            until=until,
            redactions=redactions,
        )

        return dataset_export_create
