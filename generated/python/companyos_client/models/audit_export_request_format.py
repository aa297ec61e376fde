from enum import StrEnum


class AuditExportRequestFormat(StrEnum):
    NDJSON = "ndjson"

    def __str__(self) -> str:
        return str(self.value)
