from enum import StrEnum


class ChecklistItem(StrEnum):
    ARTICULACION_POLICIA = "articulacion_policia"
    DIAGNOSTICO_CON_DATOS = "diagnostico_con_datos"
    ENFOQUE_DIFERENCIAL = "enfoque_diferencial"
    INDICADORES_CON_LINEA_BASE_Y_META = "indicadores_con_linea_base_y_meta"
    LINEAS_ALINEADAS_POLITICA_NACIONAL = "lineas_alineadas_politica_nacional"
    MARCO_NORMATIVO = "marco_normativo"
    MECANISMO_SEGUIMIENTO = "mecanismo_seguimiento"
    PARTICIPACION_CIUDADANA = "participacion_ciudadana"
    PRESUPUESTO_CON_FUENTES = "presupuesto_con_fuentes"

    def __str__(self) -> str:
        return str(self.value)
