from enum import StrEnum


class IndicatorCreateFrequency(StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"

    def __str__(self) -> str:
        return str(self.value)
