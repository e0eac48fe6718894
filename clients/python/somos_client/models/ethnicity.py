from enum import StrEnum


class Ethnicity(StrEnum):
    AFROCOLOMBIANO = "afrocolombiano"
    INDIGENA = "indigena"
    NINGUNO = "ninguno"
    NO_REPORTA = "no_reporta"
    PALENQUERO = "palenquero"
    RAIZAL = "raizal"
    RROM = "rrom"

    def __str__(self) -> str:
        return str(self.value)
