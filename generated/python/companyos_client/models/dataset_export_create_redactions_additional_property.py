from enum import StrEnum


class DatasetExportCreateRedactionsAdditionalProperty(StrEnum):
    DROP = "drop"
    HASH = "hash"
    KEEP = "keep"
    MASK = "mask"

    def __str__(self) -> str:
        return str(self.value)
