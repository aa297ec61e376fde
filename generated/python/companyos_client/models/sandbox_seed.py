from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.sandbox_profile import SandboxProfile
from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxSeed")


@_attrs_define
class SandboxSeed:
    """
    Attributes:
        profile (SandboxProfile):
        seed (int | Unset): Same seed, same data. Default: 1.
    """

    profile: SandboxProfile
    seed: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        profile = self.profile.value

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "profile": profile,
            }
        )
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        profile = SandboxProfile(d.pop("profile"))

        seed = d.pop("seed", UNSET)

        sandbox_seed = cls(
            profile=profile,
            seed=seed,
        )

        return sandbox_seed
