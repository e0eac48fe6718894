from enum import StrEnum


class ProblemInput(StrEnum):
    AMENAZAS_LIDERES_SOCIALES = "amenazas_lideres_sociales"
    CONFLICTIVIDAD_CONVIVENCIA = "conflictividad_convivencia"
    DESPLAZAMIENTO_FORZADO = "desplazamiento_forzado"
    EXTORSION = "extorsion"
    HOMICIDIO = "homicidio"
    HURTO_COMERCIO = "hurto_comercio"
    HURTO_PERSONAS = "hurto_personas"
    LESIONES_PERSONALES = "lesiones_personales"
    MICROTRAFICO = "microtrafico"
    MINAS_ANTIPERSONAL = "minas_antipersonal"
    OTRO = "otro"
    RECLUTAMIENTO_FORZADO = "reclutamiento_forzado"
    VIOLENCIA_INTRAFAMILIAR = "violencia_intrafamiliar"
    VIOLENCIA_SEXUAL = "violencia_sexual"

    def __str__(self) -> str:
        return str(self.value)
