from enum import StrEnum


class ResponsibleKind(StrEnum):
    INSTITUTION = "institution"
    ORGANIZATION = "organization"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
