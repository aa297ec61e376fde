from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_follow_up_status import SloFollowUpStatus

if TYPE_CHECKING:
    from ..models.slo_follow_up_last_check_type_0 import SloFollowUpLastCheckType0
    from ..models.slo_verification import SloVerification


T = TypeVar("T", bound="SloFollowUp")


@_attrs_define
class SloFollowUp:
    """
    Attributes:
        id (str):
        service_id (str):
        slo_id (None | str):
        recommendation_id (str):
        kind (str):
        title (str):
        owner (str):
        due_date (datetime.date):
        success_metric (str):
        verification (SloVerification):
        status (SloFollowUpStatus):
        last_check (None | SloFollowUpLastCheckType0):
        created_by (str):
        created_at (datetime.datetime):
        checked_at (datetime.datetime | None):
    """

    id: str
    service_id: str
    slo_id: None | str
    recommendation_id: str
    kind: str
    title: str
    owner: str
    due_date: datetime.date
    success_metric: str
    verification: SloVerification
    status: SloFollowUpStatus
    last_check: None | SloFollowUpLastCheckType0
    created_by: str
    created_at: datetime.datetime
    checked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.slo_follow_up_last_check_type_0 import SloFollowUpLastCheckType0

        id = self.id

        service_id = self.service_id

        slo_id: None | str
        slo_id = self.slo_id

        recommendation_id = self.recommendation_id

        kind = self.kind

        title = self.title

        owner = self.owner

        due_date = self.due_date.isoformat()

        success_metric = self.success_metric

        verification = self.verification.to_dict()

        status = self.status.value

        last_check: dict[str, Any] | None
        if isinstance(self.last_check, SloFollowUpLastCheckType0):
            last_check = self.last_check.to_dict()
        else:
            last_check = self.last_check

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        checked_at: None | str
        if isinstance(self.checked_at, datetime.datetime):
            checked_at = self.checked_at.isoformat()
        else:
            checked_at = self.checked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "slo_id": slo_id,
                "recommendation_id": recommendation_id,
                "kind": kind,
                "title": title,
                "owner": owner,
                "due_date": due_date,
                "success_metric": success_metric,
                "verification": verification,
                "status": status,
                "last_check": last_check,
                "created_by": created_by,
                "created_at": created_at,
                "checked_at": checked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_follow_up_last_check_type_0 import SloFollowUpLastCheckType0
        from ..models.slo_verification import SloVerification

        d = dict(src_dict)
        id = d.pop("id")

        service_id = d.pop("service_id")

        def _parse_slo_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        slo_id = _parse_slo_id(d.pop("slo_id"))

        recommendation_id = d.pop("recommendation_id")

        kind = d.pop("kind")

        title = d.pop("title")

        owner = d.pop("owner")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        success_metric = d.pop("success_metric")

        verification = SloVerification.from_dict(d.pop("verification"))

        status = SloFollowUpStatus(d.pop("status"))

        def _parse_last_check(data: object) -> None | SloFollowUpLastCheckType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_check_type_0 = SloFollowUpLastCheckType0.from_dict(data)

                return last_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SloFollowUpLastCheckType0, data)

        last_check = _parse_last_check(d.pop("last_check"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        checked_at = _parse_checked_at(d.pop("checked_at"))

        slo_follow_up = cls(
            id=id,
            service_id=service_id,
            slo_id=slo_id,
            recommendation_id=recommendation_id,
            kind=kind,
            title=title,
            owner=owner,
            due_date=due_date,
            success_metric=success_metric,
            verification=verification,
            status=status,
            last_check=last_check,
            created_by=created_by,
            created_at=created_at,
            checked_at=checked_at,
        )

        slo_follow_up.additional_properties = d
        return slo_follow_up

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
