from enum import StrEnum


class ServiceTier(StrEnum):
    TIER_0 = "tier-0"
    TIER_1 = "tier-1"
    TIER_2 = "tier-2"
    TIER_3 = "tier-3"

    def __str__(self) -> str:
        return str(self.value)
