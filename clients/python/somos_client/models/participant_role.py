from enum import StrEnum


class ParticipantRole(StrEnum):
    AUTORIDAD_LOCAL = "autoridad_local"
    COMUNIDAD = "comunidad"
    LIDER_SOCIAL = "lider_social"
    ORGANIZACION_SOCIEDAD_CIVIL = "organizacion_sociedad_civil"
    OTRO = "otro"
    POLICIA = "policia"

    def __str__(self) -> str:
        return str(self.value)
