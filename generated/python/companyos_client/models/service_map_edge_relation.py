from enum import StrEnum


class ServiceMapEdgeRelation(StrEnum):
    DEPENDS_ON = "depends_on"

    def __str__(self) -> str:
        return str(self.value)
