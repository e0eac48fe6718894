from enum import StrEnum


class SecurityPlanStatus(StrEnum):
    APPROVED = "approved"
    CLOSED = "closed"
    FORMULATION = "formulation"
    IN_IMPLEMENTATION = "in_implementation"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
