"""The four-step ordinal scale shared by Risk Matrix 2000 categories and levels of risk management.

Pure Python: the RM2000 scorer (``riskmatrix.scoring.Category``) and the combiner
(``assessments.combiner.Level``) are this one enum, and model choices are generated from it.
"""

from __future__ import annotations

import enum


class RiskCategory(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def rank(self) -> int:
        return ORDER.index(self)

    @classmethod
    def coerce(cls, value: RiskCategory | str, name: str = "category") -> RiskCategory:
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(c.value for c in cls)
            raise ValueError(f"{name} must be one of {choices}, not {value!r}") from None

    # A str enum would otherwise compare alphabetically ("high" < "low"): compare by rank.
    def __lt__(self, other: object) -> bool:
        return self.rank < _other_rank(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= _other_rank(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > _other_rank(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= _other_rank(other)


ORDER: tuple[RiskCategory, ...] = tuple(RiskCategory)
RiskCategory.ORDER = ORDER  # set after the class so it does not become a member


def _other_rank(other: object) -> int:
    if not isinstance(other, RiskCategory):
        raise TypeError(f"A category can only be compared with another category, not {other!r}")
    return other.rank


def rank_of(value: str) -> int | None:
    """The rank (0 = low) of a stored category string, or None for blank or unknown."""
    try:
        return RiskCategory(value).rank
    except ValueError:
        return None


def shift(category: RiskCategory | str, steps: int) -> RiskCategory:
    """Move ``category`` by ``steps`` (down if negative), kept within Low … Very high."""
    rank = RiskCategory.coerce(category).rank + steps
    return ORDER[max(0, min(rank, len(ORDER) - 1))]


CHOICES: list[tuple[str, str]] = [(c.value, c.label) for c in RiskCategory]
