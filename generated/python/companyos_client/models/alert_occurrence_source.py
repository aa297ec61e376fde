from enum import StrEnum


class AlertOccurrenceSource(StrEnum):
    ALERTMANAGER = "alertmanager"
    IMPORT = "import"

    def __str__(self) -> str:
        return str(self.value)
