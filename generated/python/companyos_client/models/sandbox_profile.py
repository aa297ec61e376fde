from enum import StrEnum


class SandboxProfile(StrEnum):
    ADMIN_HEAVY = "admin-heavy"
    OPS_HEAVY = "ops-heavy"

    def __str__(self) -> str:
        return str(self.value)
