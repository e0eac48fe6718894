from enum import StrEnum


class CommitmentStatus(StrEnum):
    CANCELLED = "cancelled"
    FULFILLED = "fulfilled"
    IN_PROGRESS = "in_progress"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
