from enum import StrEnum


class InitiativeStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DESIGNED = "designed"
    IN_IMPLEMENTATION = "in_implementation"

    def __str__(self) -> str:
        return str(self.value)
