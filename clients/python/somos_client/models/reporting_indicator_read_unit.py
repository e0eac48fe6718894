from enum import StrEnum


class ReportingIndicatorReadUnit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
