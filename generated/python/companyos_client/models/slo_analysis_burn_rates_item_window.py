from enum import StrEnum


class SloAnalysisBurnRatesItemWindow(StrEnum):
    VALUE_0 = "5m"
    VALUE_1 = "30m"
    VALUE_2 = "1h"
    VALUE_3 = "6h"
    VALUE_4 = "3d"

    def __str__(self) -> str:
        return str(self.value)
