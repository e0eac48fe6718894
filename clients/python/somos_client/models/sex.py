from enum import StrEnum


class Sex(StrEnum):
    HOMBRE = "hombre"
    MUJER = "mujer"
    NO_REPORTA = "no_reporta"
    OTRO = "otro"

    def __str__(self) -> str:
        return str(self.value)
