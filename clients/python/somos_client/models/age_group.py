from enum import StrEnum


class AgeGroup(StrEnum):
    NO_REPORTA = "no_reporta"
    VALUE_0 = "0_13"
    VALUE_1 = "14_28"
    VALUE_2 = "29_59"
    VALUE_3 = "60_mas"

    def __str__(self) -> str:
        return str(self.value)
