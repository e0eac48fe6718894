from enum import StrEnum


class TargetPopulation(StrEnum):
    COMUNIDAD_GENERAL = "comunidad_general"
    JOVENES = "jovenes"
    LIDERES_SOCIALES = "lideres_sociales"
    MUJERES = "mujeres"
    NINEZ = "ninez"
    OTRA = "otra"

    def __str__(self) -> str:
        return str(self.value)
