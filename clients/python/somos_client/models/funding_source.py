from enum import StrEnum


class FundingSource(StrEnum):
    COOPERACION_INTERNACIONAL = "cooperacion_internacional"
    FONSECON = "fonsecon"
    FONSET = "fonset"
    OTRA = "otra"
    RECURSOS_PROPIOS = "recursos_propios"
    SGR = "sgr"

    def __str__(self) -> str:
        return str(self.value)
