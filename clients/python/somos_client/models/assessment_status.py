from enum import StrEnum


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
