from enum import StrEnum


class RiskFactor(StrEnum):
    CONFLICTOS_CONVIVENCIA = "conflictos_convivencia"
    CONSUMO_SPA = "consumo_spa"
    DESCONFIANZA_INSTITUCIONAL = "desconfianza_institucional"
    ECONOMIAS_ILEGALES = "economias_ilegales"
    ENTORNO_INSEGURO = "entorno_inseguro"
    ESTIGMATIZACION_LIDERES = "estigmatizacion_lideres"
    FALTA_OPORTUNIDADES_JOVENES = "falta_oportunidades_jovenes"
    OTRO = "otro"
    PRESENCIA_GRUPOS_ARMADOS = "presencia_grupos_armados"
    VIOLENCIA_INTRAFAMILIAR = "violencia_intrafamiliar"

    def __str__(self) -> str:
        return str(self.value)
