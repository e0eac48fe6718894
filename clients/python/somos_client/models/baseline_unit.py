from enum import StrEnum


class BaselineUnit(StrEnum):
    CASOS = "casos"
    TASA_100K = "tasa_100k"

    def __str__(self) -> str:
        return str(self.value)
