from enum import StrEnum


class EventType(StrEnum):
    CAPACITACION_PISCC = "capacitacion_piscc"
    DIALOGO_RESILIENCIA = "dialogo_resiliencia"
    ESPACIO_REGIONAL_LIDERES = "espacio_regional_lideres"
    HABLEMOS_DE_POLICIA = "hablemos_de_policia"
    MESA_SEGURIDAD = "mesa_seguridad"
    OTRO = "otro"
    TALLER_AUTOPROTECCION = "taller_autoproteccion"
    TALLER_PSICOSOCIAL = "taller_psicosocial"

    def __str__(self) -> str:
        return str(self.value)
