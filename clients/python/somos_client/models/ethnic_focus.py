from enum import StrEnum


class EthnicFocus(StrEnum):
    AFROCOLOMBIANO = "afrocolombiano"
    INDIGENA = "indigena"
    NINGUNO = "ninguno"
    PALENQUERO = "palenquero"
    RAIZAL = "raizal"
    RROM = "rrom"

    def __str__(self) -> str:
        return str(self.value)
