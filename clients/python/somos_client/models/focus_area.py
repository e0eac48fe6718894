from enum import StrEnum


class FocusArea(StrEnum):
    CONVIVENCIA = "convivencia"
    CULTURA = "cultura"
    DERECHOS_HUMANOS = "derechos_humanos"
    JOVENES = "jovenes"
    MEDIO_AMBIENTE = "medio_ambiente"
    MUJERES = "mujeres"
    OTRO = "otro"
    SEGURIDAD = "seguridad"
    VICTIMAS = "victimas"

    def __str__(self) -> str:
        return str(self.value)
