from enum import StrEnum


class ErasureRequestDocumentType(StrEnum):
    CC = "cc"
    CE = "ce"
    PASAPORTE = "pasaporte"
    PPT = "ppt"
    TI = "ti"

    def __str__(self) -> str:
        return str(self.value)
