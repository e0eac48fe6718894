from enum import StrEnum


class PartnerInstitution(StrEnum):
    ALCALDIA = "alcaldia"
    DEFENSORIA = "defensoria"
    FISCALIA = "fiscalia"
    GOBERNACION = "gobernacion"
    OTRA = "otra"
    PERSONERIA = "personeria"
    POLICIA_NACIONAL = "policia_nacional"
    PROCURADURIA = "procuraduria"

    def __str__(self) -> str:
        return str(self.value)
