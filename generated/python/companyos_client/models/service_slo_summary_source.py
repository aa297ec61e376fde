from enum import StrEnum


class ServiceSloSummarySource(StrEnum):
    NONE = "none"
    SAMPLES = "samples"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
