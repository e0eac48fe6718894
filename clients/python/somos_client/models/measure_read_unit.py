from enum import StrEnum


class MeasureReadUnit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
