from enum import StrEnum


class IncidentTimelineEntryKind(StrEnum):
    ACTION = "action"
    ALERT = "alert"
    NOTE = "note"
    STATUS_CHANGE = "status_change"

    def __str__(self) -> str:
        return str(self.value)
