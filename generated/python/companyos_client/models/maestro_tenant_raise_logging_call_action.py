from enum import StrEnum


class MaestroTenantRaiseLoggingCallAction(StrEnum):
    TENANT_RAISE_LOGGING = "tenant.raise_logging"

    def __str__(self) -> str:
        return str(self.value)
