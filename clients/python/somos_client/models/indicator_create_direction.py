from enum import StrEnum


class IndicatorCreateDirection(StrEnum):
    DECREASE = "decrease"
    INCREASE = "increase"

    def __str__(self) -> str:
        return str(self.value)
