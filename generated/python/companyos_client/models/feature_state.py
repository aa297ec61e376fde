from enum import StrEnum


class FeatureState(StrEnum):
    BETA = "beta"
    EXPERIMENT = "experiment"
    GA = "ga"
    IDEA = "idea"
    SUNSET = "sunset"

    def __str__(self) -> str:
        return str(self.value)
