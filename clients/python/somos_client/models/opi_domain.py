from enum import StrEnum


class OpiDomain(StrEnum):
    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    RELEVANCE = "relevance"
    SUSTAINABILITY = "sustainability"

    def __str__(self) -> str:
        return str(self.value)
