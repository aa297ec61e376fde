from enum import StrEnum


class MaestroIncidentTaskStepAction(StrEnum):
    INCIDENT_TASK = "incident.task"

    def __str__(self) -> str:
        return str(self.value)
