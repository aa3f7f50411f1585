"""Risk Matrix 2000 scoring: RM2000/S (sexual), RM2000/V (violence) and RM2000/C (combined).

This is the project's own implementation of the widely reproduced RM2000 point tables (see
docs/domain.md, "Risk Matrix 2000"); it reproduces no manual text. The /C combination table is
not confirmed by a public source, so it is data (``CombinationTable``) with a provisional default.

Pure functions: nothing here reads settings, the clock, the database or any file, so a result
depends only on its arguments and ``RULES_VERSION``. Bad input raises ``ValueError`` naming the
field; a case the tool does not cover raises ``NotApplicable`` with the reason. Never a default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from arms_site.lib.ordinal import ORDER, RiskCategory

RULES_VERSION = "rm2000-1"
MAX_AGE = 120  # beyond this an age is a typing error, not a person


# The four-step scale is shared with levels of risk management: one enum, ordered by rank.
Category = RiskCategory
CATEGORY_ORDER = ORDER


def raise_category(category: Category | str, steps: int) -> Category:
    """Move ``category`` up by ``steps`` (down if negative), kept within Low … Very high."""
    rank = Category.coerce(category).rank + _int("steps", steps, minimum=None)
    return CATEGORY_ORDER[max(0, min(rank, len(CATEGORY_ORDER) - 1))]


class NotApplicable(ValueError):
    """The tool does not apply to this person; ``reason`` says why (shown to the officer)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- validation: reject rather than guess -------------------------------------------------


def _int(name: str, value: object, minimum: int | None = 0) -> int:
    # bool is a subclass of int, but True as a count is almost certainly a wiring mistake
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} cannot be less than {minimum} (got {value})")
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, not {value!r}")
    return value


def _age(value: object) -> int:
    age = _int("age", value)
    if age > MAX_AGE:
        raise ValueError(f"age {age} is not realistic (over {MAX_AGE})")
    if age < 18:
        raise NotApplicable(f"RM2000 does not apply: the offender is under 18 (age {age})")
    return age


def _band(value: int, bands: tuple[tuple[int, int], ...]) -> int:
    """Points for ``value`` from (lowest value, points) pairs in ascending order."""
    return [points for lowest, points in bands if value >= lowest][-1]


def _pts(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def _item_lines(items: tuple[tuple[str, object, int], ...]) -> list[str]:
    return [f"{name}: {value} → {_pts(points)}" for name, value, points in items]


# --- RM2000/S ---------------------------------------------------------------------------

S_AGE = ((18, 2), (25, 1), (35, 0))
S_SEXUAL = ((1, 0), (2, 1), (3, 2), (5, 3))
S_CRIMINAL = ((1, 0), (5, 1))
S_TOTAL = ((0, Category.LOW), (1, Category.MEDIUM), (3, Category.HIGH), (5, Category.VERY_HIGH))
S_AGGRAVATING_STEPS = (0, 0, 1, 1, 2)  # index = number of aggravating factors present
S_FACTORS = (
    ("male_victim", "Sexual offence against a male"),
    ("stranger_victim", "Sexual offence against a stranger"),
    ("non_contact", "Non-contact sexual offence"),
    ("never_married", "Single (never married)"),
)


@dataclass(frozen=True)
class SResult:
    points: int
    step1_category: Category
    aggravating: int
    category: Category
    working: tuple[str, ...]
    items: tuple[tuple[str, object, int], ...]
    factors: tuple[tuple[str, bool], ...]
    inputs: dict = field(hash=False)
    rules_version: str = RULES_VERSION


def rm2000_s(
    *,
    age,
    sexual_appearances,
    criminal_appearances,
    male_victim,
    stranger_victim,
    non_contact,
    never_married,
) -> SResult:
    flags = {
        "male_victim": _flag("male_victim", male_victim),
        "stranger_victim": _flag("stranger_victim", stranger_victim),
        "non_contact": _flag("non_contact", non_contact),
        "never_married": _flag("never_married", never_married),
    }
    _int("sexual_appearances", sexual_appearances)
    _int("criminal_appearances", criminal_appearances)
    if criminal_appearances < sexual_appearances:
        raise ValueError(
            f"criminal_appearances ({criminal_appearances}) cannot be fewer than "
            f"sexual_appearances ({sexual_appearances}): every sexual appearance is a criminal one"
        )
    _age(age)
    if sexual_appearances == 0:
        raise NotApplicable("RM2000/S does not apply: there is no sexual appearance (0 recorded)")

    items = (
        ("Age at commencement of risk", age, _band(age, S_AGE)),
        ("Sexual appearances", sexual_appearances, _band(sexual_appearances, S_SEXUAL)),
        ("Criminal appearances", criminal_appearances, _band(criminal_appearances, S_CRIMINAL)),
    )
    points = sum(p for _, _, p in items)
    step1 = _band(points, S_TOTAL)
    factors = tuple((label, flags[key]) for key, label in S_FACTORS)
    aggravating = sum(present for _, present in factors)
    steps = S_AGGRAVATING_STEPS[aggravating]
    final = raise_category(step1, steps)

    working = _item_lines(items)
    working.append(f"Step 1 total: {_pts(points)} → {step1.label}")
    working += [f"{label}: {'present' if p else 'absent'}" for label, p in factors]
    noun = "aggravating factor" if aggravating == 1 else "aggravating factors"
    if steps == 0:
        working.append(f"{aggravating} {noun}: no change, {step1.label}")
    else:
        moved = "one category" if steps == 1 else "two categories"
        capped = " (capped at Very high)" if final.rank - step1.rank < steps else ""
        working.append(
            f"{aggravating} {noun}: raised {moved}, {step1.label} → {final.label}{capped}"
        )
    working.append(f"RM2000/S category: {final.label}")

    inputs = {"age": age, "sexual_appearances": sexual_appearances}
    inputs |= {"criminal_appearances": criminal_appearances, **flags}
    return SResult(points, step1, aggravating, final, tuple(working), items, factors, inputs)


# --- RM2000/V ---------------------------------------------------------------------------

V_AGE = ((18, 3), (25, 2), (35, 1), (45, 0))
V_VIOLENT = ((0, 0), (1, 1), (2, 2), (4, 3))
V_BURGLARY = 2
V_TOTAL = ((0, Category.LOW), (2, Category.MEDIUM), (4, Category.HIGH), (6, Category.VERY_HIGH))


@dataclass(frozen=True)
class VResult:
    points: int
    category: Category
    working: tuple[str, ...]
    items: tuple[tuple[str, object, int], ...]
    inputs: dict = field(hash=False)
    rules_version: str = RULES_VERSION


def rm2000_v(*, age, violent_appearances, burglary) -> VResult:
    _int("violent_appearances", violent_appearances)
    _flag("burglary", burglary)
    _age(age)
    items = (
        ("Age at commencement of risk", age, _band(age, V_AGE)),
        ("Violent appearances", violent_appearances, _band(violent_appearances, V_VIOLENT)),
        ("Any conviction for burglary", "yes" if burglary else "no", V_BURGLARY * burglary),
    )
    points = sum(p for _, _, p in items)
    category = _band(points, V_TOTAL)
    working = _item_lines(items) + [f"Total: {_pts(points)} → RM2000/V category {category.label}"]
    inputs = {"age": age, "violent_appearances": violent_appearances, "burglary": burglary}
    return VResult(points, category, tuple(working), items, inputs)


# --- RM2000/C: the combination is data, not code -----------------------------------------


@dataclass(frozen=True)
class CombinationTable:
    version: str
    points_per_category: Mapping[Category, int]
    bands: tuple[tuple[int, int, Category], ...]  # (min points, max points, category)
    provisional: bool = False

    def __post_init__(self):
        # freeze the mapping and check it, so a bad force-edited table fails at load, not later
        points = {
            Category.coerce(k): _int("points", v) for k, v in self.points_per_category.items()
        }
        if missing := [c.label for c in Category if c not in points]:
            raise ValueError(f"combination table {self.version}: no points for {missing}")
        object.__setattr__(self, "points_per_category", MappingProxyType(points))
        bands = tuple((lo, hi, Category.coerce(c)) for lo, hi, c in self.bands)
        object.__setattr__(self, "bands", bands)
        for total in {a + b for a in points.values() for b in points.values()}:
            if sum(lo <= total <= hi for lo, hi, _ in bands) != 1:
                raise ValueError(
                    f"combination table {self.version}: {total} points not banded once"
                )

    def band(self, total: int) -> Category:
        return next(cat for lo, hi, cat in self.bands if lo <= total <= hi)


DEFAULT_C_TABLE = CombinationTable(
    version="rm2000-c-provisional-1",
    points_per_category={"low": 0, "medium": 1, "high": 2, "very_high": 3},
    bands=(
        (0, 0, Category.LOW),
        (1, 2, Category.MEDIUM),
        (3, 4, Category.HIGH),
        (5, 6, Category.VERY_HIGH),
    ),
    provisional=True,
)


@dataclass(frozen=True)
class CResult:
    points: int
    category: Category
    working: tuple[str, ...]
    inputs: dict = field(hash=False)
    table_version: str
    provisional: bool
    rules_version: str = RULES_VERSION


def rm2000_c(s_category, v_category, table: CombinationTable = DEFAULT_C_TABLE) -> CResult:
    s = Category.coerce(s_category, "s_category")
    v = Category.coerce(v_category, "v_category")
    s_pts, v_pts = table.points_per_category[s], table.points_per_category[v]
    total = s_pts + v_pts
    category = table.band(total)
    note = " (provisional table)" if table.provisional else ""
    working = (
        f"RM2000/S {s.label} → {_pts(s_pts)}",
        f"RM2000/V {v.label} → {_pts(v_pts)}",
        f"Total: {_pts(total)} → RM2000/C category {category.label}",
        f"Combination table {table.version}{note}",
    )
    inputs = {"s_category": s.value, "v_category": v.value}
    return CResult(total, category, working, inputs, table.version, table.provisional)
