from enum import StrEnum


class Institution(StrEnum):
    ALCALDIA = "alcaldia"
    DEFENSORIA = "defensoria"
    EJERCITO = "ejercito"
    FISCALIA = "fiscalia"
    GOBERNACION = "gobernacion"
    ICBF = "icbf"
    MEDICINA_LEGAL = "medicina_legal"
    OTRA = "otra"
    PERSONERIA = "personeria"
    POLICIA_NACIONAL = "policia_nacional"
    SOCIEDAD_CIVIL = "sociedad_civil"

    def __str__(self) -> str:
        return str(self.value)
