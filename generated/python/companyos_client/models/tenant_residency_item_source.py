from enum import StrEnum


class TenantResidencyItemSource(StrEnum):
    CONFIGURATION = "configuration"
    PLATFORM_DEFAULT = "platform_default"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
