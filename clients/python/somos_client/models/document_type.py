from enum import StrEnum


class DocumentType(StrEnum):
    CC = "cc"
    CE = "ce"
    NINGUNO = "ninguno"
    PASAPORTE = "pasaporte"
    PPT = "ppt"
    TI = "ti"

    def __str__(self) -> str:
        return str(self.value)
