from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_budgeting_method import SloBudgetingMethod
from ..models.slo_type import SloType

if TYPE_CHECKING:
    from ..models.slo_alert_rule import SloAlertRule
    from ..models.slo_indicator import SloIndicator
    from ..models.slo_labels import SloLabels
    from ..models.slo_timeslice_type_0 import SloTimesliceType0


T = TypeVar("T", bound="Slo")


@_attrs_define
class Slo:
    """
    Attributes:
        id (str):  Example: slo_01jc9z3k7m2n4p6q8r0s.
        tenant_id (str):
        service_id (str):
        name (str):
        display_name (str):
        description (str):
        sli_type (SloType): `availability`/`error_rate`: good of total requests; `latency`: requests faster than
            `indicator.threshold_ms` are good; `freshness`: data younger than `indicator.max_age_seconds` (async flows,
            backlogs) is good.
        objective (float):
        window_days (int):
        budgeting_method (SloBudgetingMethod):
        indicator (SloIndicator): The SLI and where its numbers come from (the metric source's queries, kept verbatim).
        timeslice (None | SloTimesliceType0):
        alerting (list[SloAlertRule]):
        labels (SloLabels):
        revision (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    tenant_id: str
    service_id: str
    name: str
    display_name: str
    description: str
    sli_type: SloType
    objective: float
    window_days: int
    budgeting_method: SloBudgetingMethod
    indicator: SloIndicator
    timeslice: None | SloTimesliceType0
    alerting: list[SloAlertRule]
    labels: SloLabels
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.slo_timeslice_type_0 import SloTimesliceType0

        id = self.id

        tenant_id = self.tenant_id

        service_id = self.service_id

        name = self.name

        display_name = self.display_name

        description = self.description

        sli_type = self.sli_type.value

        objective = self.objective

        window_days = self.window_days

        budgeting_method = self.budgeting_method.value

        indicator = self.indicator.to_dict()

        timeslice: dict[str, Any] | None
        if isinstance(self.timeslice, SloTimesliceType0):
            timeslice = self.timeslice.to_dict()
        else:
            timeslice = self.timeslice

        alerting = []
        for alerting_item_data in self.alerting:
            alerting_item = alerting_item_data.to_dict()
            alerting.append(alerting_item)

        labels = self.labels.to_dict()

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "service_id": service_id,
                "name": name,
                "display_name": display_name,
                "description": description,
                "sli_type": sli_type,
                "objective": objective,
                "window_days": window_days,
                "budgeting_method": budgeting_method,
                "indicator": indicator,
                "timeslice": timeslice,
                "alerting": alerting,
                "labels": labels,
                "revision": revision,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_alert_rule import SloAlertRule
        from ..models.slo_indicator import SloIndicator
        from ..models.slo_labels import SloLabels
        from ..models.slo_timeslice_type_0 import SloTimesliceType0

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        service_id = d.pop("service_id")

        name = d.pop("name")

        display_name = d.pop("display_name")

        description = d.pop("description")

        sli_type = SloType(d.pop("sli_type"))

        objective = d.pop("objective")

        window_days = d.pop("window_days")

        budgeting_method = SloBudgetingMethod(d.pop("budgeting_method"))

        indicator = SloIndicator.from_dict(d.pop("indicator"))

        def _parse_timeslice(data: object) -> None | SloTimesliceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_slo_timeslice_type_0 = SloTimesliceType0.from_dict(data)

                return componentsschemas_slo_timeslice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SloTimesliceType0, data)

        timeslice = _parse_timeslice(d.pop("timeslice"))

        alerting = []
        _alerting = d.pop("alerting")
        for alerting_item_data in _alerting:
            alerting_item = SloAlertRule.from_dict(alerting_item_data)

            alerting.append(alerting_item)

        labels = SloLabels.from_dict(d.pop("labels"))

        revision = d.pop("revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        slo = cls(
            id=id,
            tenant_id=tenant_id,
            service_id=service_id,
            name=name,
            display_name=display_name,
            description=description,
            sli_type=sli_type,
            objective=objective,
            window_days=window_days,
            budgeting_method=budgeting_method,
            indicator=indicator,
            timeslice=timeslice,
            alerting=alerting,
            labels=labels,
            revision=revision,
            created_at=created_at,
            updated_at=updated_at,
        )

        slo.additional_properties = d
        return slo

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
