from enum import StrEnum


class IndicatorCreateDisaggregationsItem(StrEnum):
    AGE_GROUP = "age_group"
    DEPARTMENT = "department"
    ETHNICITY = "ethnicity"
    MUNICIPALITY = "municipality"
    ROLE = "role"
    SEX = "sex"

    def __str__(self) -> str:
        return str(self.value)
