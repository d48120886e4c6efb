from enum import StrEnum


class PointsOperator(StrEnum):
    DIVIDE = "divide"
    MINUS = "minus"
    PLUS = "plus"
    TIMES = "times"

    def __str__(self) -> str:
        return str(self.value)
