from enum import StrEnum


class StrengtheningPlanStatus(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)
