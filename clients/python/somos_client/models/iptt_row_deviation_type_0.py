from enum import StrEnum


class IpttRowDeviationType0(StrEnum):
    ON_TRACK = "on_track"
    OVER = "over"
    UNDER = "under"

    def __str__(self) -> str:
        return str(self.value)
