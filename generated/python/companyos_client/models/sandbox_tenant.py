from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_profile import SandboxProfile
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sandbox_tenant_counts import SandboxTenantCounts
    from ..models.sandbox_tenant_skipped import SandboxTenantSkipped


T = TypeVar("T", bound="SandboxTenant")


@_attrs_define
class SandboxTenant:
    """
    Attributes:
        tenant_id (str):
        profile (SandboxProfile):
        seed (int):
        anchor (datetime.datetime): The story's clock: its times are relative to it.
        digest (str): sha256 over what the tenant holds after seeding (tenant id left out).
        counts (SandboxTenantCounts):
        skipped (SandboxTenantSkipped): Parts of the story not seeded, and why.
        seeded_at (datetime.datetime):
        resets (int):
        seconds (float | Unset): How long the last seeding took.
        reset_at (datetime.datetime | None | Unset):
    """

    tenant_id: str
    profile: SandboxProfile
    seed: int
    anchor: datetime.datetime
    digest: str
    counts: SandboxTenantCounts
    skipped: SandboxTenantSkipped
    seeded_at: datetime.datetime
    resets: int
    seconds: float | Unset = UNSET
    reset_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        profile = self.profile.value

        seed = self.seed

        anchor = self.anchor.isoformat()

        digest = self.digest

        counts = self.counts.to_dict()

        skipped = self.skipped.to_dict()

        seeded_at = self.seeded_at.isoformat()

        resets = self.resets

        seconds = self.seconds

        reset_at: None | str | Unset
        if isinstance(self.reset_at, Unset):
            reset_at = UNSET
        elif isinstance(self.reset_at, datetime.datetime):
            reset_at = self.reset_at.isoformat()
        else:
            reset_at = self.reset_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "profile": profile,
                "seed": seed,
                "anchor": anchor,
                "digest": digest,
                "counts": counts,
                "skipped": skipped,
                "seeded_at": seeded_at,
                "resets": resets,
            }
        )
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if reset_at is not UNSET:
            field_dict["reset_at"] = reset_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sandbox_tenant_counts import SandboxTenantCounts
        from ..models.sandbox_tenant_skipped import SandboxTenantSkipped

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        profile = SandboxProfile(d.pop("profile"))

        seed = d.pop("seed")

        anchor = datetime.datetime.fromisoformat(d.pop("anchor"))

        digest = d.pop("digest")

        counts = SandboxTenantCounts.from_dict(d.pop("counts"))

        skipped = SandboxTenantSkipped.from_dict(d.pop("skipped"))

        seeded_at = datetime.datetime.fromisoformat(d.pop("seeded_at"))

        resets = d.pop("resets")

        seconds = d.pop("seconds", UNSET)

        def _parse_reset_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reset_at_type_0 = datetime.datetime.fromisoformat(data)

                return reset_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reset_at = _parse_reset_at(d.pop("reset_at", UNSET))

        sandbox_tenant = cls(
            tenant_id=tenant_id,
            profile=profile,
            seed=seed,
            anchor=anchor,
            digest=digest,
            counts=counts,
            skipped=skipped,
            seeded_at=seeded_at,
            resets=resets,
            seconds=seconds,
            reset_at=reset_at,
        )

        sandbox_tenant.additional_properties = d
        return sandbox_tenant

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
