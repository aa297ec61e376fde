from enum import StrEnum


class IncidentTimelineEntryCreateKind(StrEnum):
    ACTION = "action"
    NOTE = "note"

    def __str__(self) -> str:
        return str(self.value)
