from enum import StrEnum


class ApprovingBody(StrEnum):
    COMITE_TERRITORIAL_ORDEN_PUBLICO = "comite_territorial_orden_publico"
    CONSEJO_SEGURIDAD = "consejo_seguridad"
    OTRO = "otro"

    def __str__(self) -> str:
        return str(self.value)
