from enum import StrEnum


class OpiArea(StrEnum):
    DELIVERY = "delivery"
    LEARNING = "learning"
    REACH = "reach"
    RESOURCES = "resources"
    RESULTS = "results"
    SOCIAL_CAPITAL = "social_capital"
    STANDARDS = "standards"
    TARGET_POPULATION = "target_population"

    def __str__(self) -> str:
        return str(self.value)
