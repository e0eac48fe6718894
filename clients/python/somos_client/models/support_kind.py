from enum import StrEnum


class SupportKind(StrEnum):
    COMMUNICATIONS = "communications"
    LEGAL = "legal"
    ORGANIZATIONAL_MANAGEMENT = "organizational_management"
    OTHER = "other"
    PSYCHOSOCIAL_SUPPORT = "psychosocial_support"
    RELATIONSHIP_WITH_AUTHORITIES = "relationship_with_authorities"
    SELF_PROTECTION = "self_protection"

    def __str__(self) -> str:
        return str(self.value)
