from enum import StrEnum


class QuarterCellStatus(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
