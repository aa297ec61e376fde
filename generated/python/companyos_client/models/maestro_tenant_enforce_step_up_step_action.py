from enum import StrEnum


class MaestroTenantEnforceStepUpStepAction(StrEnum):
    TENANT_ENFORCE_STEP_UP = "tenant.enforce_step_up"

    def __str__(self) -> str:
        return str(self.value)
