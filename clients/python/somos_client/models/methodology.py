from enum import StrEnum


class Methodology(StrEnum):
    IBP = "ibp"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
