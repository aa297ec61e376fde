from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alertmanager_alert_status import AlertmanagerAlertStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alertmanager_labels import AlertmanagerLabels


T = TypeVar("T", bound="AlertmanagerAlert")


@_attrs_define
class AlertmanagerAlert:
    """
    Attributes:
        status (AlertmanagerAlertStatus):
        labels (AlertmanagerLabels):
        annotations (AlertmanagerLabels | Unset):
        starts_at (str | Unset):
        ends_at (str | Unset):
        generator_url (str | Unset):
        fingerprint (str | Unset):
    """

    status: AlertmanagerAlertStatus
    labels: AlertmanagerLabels
    annotations: AlertmanagerLabels | Unset = UNSET
    starts_at: str | Unset = UNSET
    ends_at: str | Unset = UNSET
    generator_url: str | Unset = UNSET
    fingerprint: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        labels = self.labels.to_dict()

        annotations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.annotations, Unset):
            annotations = self.annotations.to_dict()

        starts_at = self.starts_at

        ends_at = self.ends_at

        generator_url = self.generator_url

        fingerprint = self.fingerprint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "labels": labels,
            }
        )
        if annotations is not UNSET:
            field_dict["annotations"] = annotations
        if starts_at is not UNSET:
            field_dict["startsAt"] = starts_at
        if ends_at is not UNSET:
            field_dict["endsAt"] = ends_at
        if generator_url is not UNSET:
            field_dict["generatorURL"] = generator_url
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.alertmanager_labels import AlertmanagerLabels

        d = dict(src_dict)
        status = AlertmanagerAlertStatus(d.pop("status"))

        labels = AlertmanagerLabels.from_dict(d.pop("labels"))

        _annotations = d.pop("annotations", UNSET)
        annotations: AlertmanagerLabels | Unset
        if isinstance(_annotations, Unset):
            annotations = UNSET
        else:
            annotations = AlertmanagerLabels.from_dict(_annotations)

        starts_at = d.pop("startsAt", UNSET)

        ends_at = d.pop("endsAt", UNSET)

        generator_url = d.pop("generatorURL", UNSET)

        fingerprint = d.pop("fingerprint", UNSET)

        alertmanager_alert = cls(
            status=status,
            labels=labels,
            annotations=annotations,
            starts_at=starts_at,
            ends_at=ends_at,
            generator_url=generator_url,
            fingerprint=fingerprint,
        )

        alertmanager_alert.additional_properties = d
        return alertmanager_alert

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
