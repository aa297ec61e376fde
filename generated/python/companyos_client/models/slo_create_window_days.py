from enum import IntEnum


class SloCreateWindowDays(IntEnum):
    VALUE_7 = 7
    VALUE_28 = 28
    VALUE_30 = 30

    def __str__(self) -> str:
        return str(self.value)
