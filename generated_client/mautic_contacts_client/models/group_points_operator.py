from enum import StrEnum


class GroupPointsOperator(StrEnum):
    DIVIDE = "divide"
    MINUS = "minus"
    PLUS = "plus"
    SET = "set"
    TIMES = "times"

    def __str__(self) -> str:
        return str(self.value)
