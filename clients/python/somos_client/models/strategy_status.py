from enum import StrEnum


class StrategyStatus(StrEnum):
    DESIGNED = "designed"
    DISCONTINUED = "discontinued"
    EVALUATED = "evaluated"
    IMPLEMENTED = "implemented"
    IMPLEMENTING = "implementing"

    def __str__(self) -> str:
        return str(self.value)
