from enum import StrEnum


class ServiceDependencyGraphDirection(StrEnum):
    DOWNSTREAM = "downstream"
    UPSTREAM = "upstream"

    def __str__(self) -> str:
        return str(self.value)
