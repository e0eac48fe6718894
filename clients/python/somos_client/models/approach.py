from enum import StrEnum


class Approach(StrEnum):
    COMUNITARIA = "comunitaria"
    INSTITUCIONAL = "institucional"
    POLICIA_RELACIONAL = "policia_relacional"
    SITUACIONAL = "situacional"
    SOCIAL = "social"

    def __str__(self) -> str:
        return str(self.value)
