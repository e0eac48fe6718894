from enum import StrEnum


class OrganizationType(StrEnum):
    CONSEJO_COMUNITARIO = "consejo_comunitario"
    JUNTA_ACCION_COMUNAL = "junta_accion_comunal"
    ORGANIZACION_AFROCOLOMBIANA = "organizacion_afrocolombiana"
    ORGANIZACION_DEFENSORA_DDHH = "organizacion_defensora_ddhh"
    ORGANIZACION_INDIGENA = "organizacion_indigena"
    ORGANIZACION_LGBTIQ = "organizacion_lgbtiq"
    ORGANIZACION_MUJERES = "organizacion_mujeres"
    ORGANIZACION_VICTIMAS = "organizacion_victimas"
    OTRA = "otra"
    PLATAFORMA_JUVENIL = "plataforma_juvenil"
    RESGUARDO_CABILDO_INDIGENA = "resguardo_cabildo_indigena"

    def __str__(self) -> str:
        return str(self.value)
