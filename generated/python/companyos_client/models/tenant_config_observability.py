from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantConfigObservability")


@_attrs_define
class TenantConfigObservability:
    """URL templates for a service's observability links. Placeholders: `{service}`, `{tenant}`,
    `{environment}`, `{from}`, `{to}` (epoch milliseconds); values are URL-encoded when filled in.

        Attributes:
            grafana (str | Unset): A URL template (no length bounds here; the request size limit caps it).
            prometheus (str | Unset): A URL template (no length bounds here; the request size limit caps it).
            loki (str | Unset): A URL template (no length bounds here; the request size limit caps it).
    """

    grafana: str | Unset = UNSET
    prometheus: str | Unset = UNSET
    loki: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grafana = self.grafana

        prometheus = self.prometheus

        loki = self.loki

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if grafana is not UNSET:
            field_dict["grafana"] = grafana
        if prometheus is not UNSET:
            field_dict["prometheus"] = prometheus
        if loki is not UNSET:
            field_dict["loki"] = loki

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grafana = d.pop("grafana", UNSET)

        prometheus = d.pop("prometheus", UNSET)

        loki = d.pop("loki", UNSET)

        tenant_config_observability = cls(
            grafana=grafana,
            prometheus=prometheus,
            loki=loki,
        )

        return tenant_config_observability
