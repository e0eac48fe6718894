from enum import StrEnum


class ActionStatus(StrEnum):
    DONE = "done"
    DROPPED = "dropped"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
