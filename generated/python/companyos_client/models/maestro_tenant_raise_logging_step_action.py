from enum import StrEnum


class MaestroTenantRaiseLoggingStepAction(StrEnum):
    TENANT_RAISE_LOGGING = "tenant.raise_logging"

    def __str__(self) -> str:
        return str(self.value)
