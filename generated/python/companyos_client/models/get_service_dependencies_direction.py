from enum import StrEnum


class GetServiceDependenciesDirection(StrEnum):
    DOWNSTREAM = "downstream"
    UPSTREAM = "upstream"

    def __str__(self) -> str:
        return str(self.value)
