from enum import StrEnum


class Rating(StrEnum):
    CUMPLE = "cumple"
    CUMPLE_PARCIALMENTE = "cumple_parcialmente"
    NO_CUMPLE = "no_cumple"

    def __str__(self) -> str:
        return str(self.value)
