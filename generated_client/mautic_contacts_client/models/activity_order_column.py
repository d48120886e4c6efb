from enum import StrEnum


class ActivityOrderColumn(StrEnum):
    EVENTLABEL = "eventLabel"
    TIMESTAMP = "timestamp"

    def __str__(self) -> str:
        return str(self.value)
