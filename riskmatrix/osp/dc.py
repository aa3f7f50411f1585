"""OSP/DC: points, band, predicted rate and the time offence-free reduction (pure)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from arms_site.lib.dates import add_months
from riskmatrix.scoring import Category

from ._case import RULES_VERSION, _Case, _check, _fmt, _pts

REDUCTION_MONTHS = 60  # five whole years offence-free
DC_INTERCEPT = -8.633
DC_SLOPE = 0.1598

# points per sanction, capped at three sanctions
DC_PER_SANCTION = (
    ("contact_adult", "Contact sexual sanctions, adult victim", 5),
    ("contact_child", "Contact sexual sanctions, child victim", 3),
    ("non_contact", "Non-contact sexual sanctions", 2),
)
DC_BANDS = ((0, Category.LOW), (22, Category.MEDIUM), (30, Category.HIGH), (36, Category.VERY_HIGH))

# --- OSP/DC ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DCResult:
    points: int
    band: Category  # after any time offence-free reduction
    percentage: float  # predicted two-year rate in per cent, 2 decimal places
    reduced: bool
    working: tuple[str, ...]
    items: tuple[tuple[str, object, int], ...]  # (item, value, points)
    band_before_reduction: Category
    inputs: dict = field(hash=False)
    rules_version: str = RULES_VERSION


def dc_age_points(age: int) -> int:
    """14 at 20 or under, one point less for every 3 years after, never below 0."""
    return max(0, min(14, 14 - (age - 18) // 3))


def dc_sexual_age_points(age: int | None) -> int:
    if age is None or age < 16:
        return 0
    return 5 if age < 18 else 10


def dc_band(points: int) -> Category:
    return [band for lowest, band in DC_BANDS if points >= lowest][-1]


def dc_percentage(points: int) -> float:
    """p = 1 / (1 + e^−z), z = −8.633 + 0.1598 × points, in per cent to 2 places; 0 → 0.00."""
    if points == 0:
        return 0.0
    rate = 100 / (1 + math.exp(-(DC_INTERCEPT + DC_SLOPE * points)))
    return float(Decimal(repr(rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _reduction(case: _Case, band: Category) -> tuple[bool, str]:
    """Whether the band drops one step, and a line of working saying why or why not."""
    if case.in_custody:
        return False, "Time offence-free reduction not applied: the offender is in custody"
    if band is Category.LOW:
        return False, "Time offence-free reduction not applied: the band is already Low"
    checks = [("the start of follow-up", case.follow_up_start)]
    unknown = []
    for label, d in (
        ("the most recent sexual offence", case.last_sexual_offence),
        ("the most recent offence", case.last_offence),
    ):
        if d is None:
            unknown.append(label)
        else:
            checks.append((label, d))
    short = []
    for label, d in checks:
        anniversary = add_months(d, REDUCTION_MONTHS)
        if anniversary > case.assessment_date:
            short.append(f"{label} ({_fmt(d)}; fifth anniversary {_fmt(anniversary)})")
    skipped = f"; {' and '.join(unknown)}: date unknown, not counted" if unknown else ""
    if short:
        return False, (
            "Time offence-free reduction not applied: 5 whole years have not passed by the "
            f"assessment date ({_fmt(case.assessment_date)}) since {', '.join(short)}{skipped}"
        )
    since = ", ".join(f"{label} ({_fmt(d)})" for label, d in checks)
    lower = Category.ORDER[band.rank - 1]
    return True, (
        f"Time offence-free reduction applied: not in custody, and 5 whole years have passed by "
        f"the assessment date ({_fmt(case.assessment_date)}) since {since}{skipped}: "
        f"band {band.label} → {lower.label}"
    )


def osp_dc(
    *,
    sex,
    date_of_birth,
    assessment_date,
    follow_up_start,
    in_custody,
    total_sanctions,
    contact_adult,
    contact_child,
    non_contact,
    images,
    last_sexual_offence,
    last_offence,
    stranger_victim,
) -> DCResult:
    """OSP/DC: points (0–64), band, predicted two-year rate, and the time offence-free reduction."""
    case = _check(**locals(), tool="OSP/DC")
    counts = {name: getattr(case, name) for name, _, _ in DC_PER_SANCTION}
    stranger = {True: "yes", False: "no", None: "unknown"}[case.stranger_victim]
    sexual_age = case.age_at_last_sexual_offence
    items = tuple(
        (label, counts[name], min(counts[name], 3) * per) for name, label, per in DC_PER_SANCTION
    ) + (
        (
            "Age at the start of follow-up",
            case.age_at_follow_up,
            dc_age_points(case.age_at_follow_up),
        ),
        (
            "Age at the most recent sexual offence",
            "unknown" if sexual_age is None else sexual_age,
            dc_sexual_age_points(sexual_age),
        ),
        ("Total sanctions", case.total_sanctions, 0 if case.total_sanctions == 1 else 6),
        ("Current offence against a stranger", stranger, 4 if case.stranger_victim else 0),
    )
    points = sum(p for _, _, p in items)
    before = dc_band(points)
    percentage = dc_percentage(points)
    reduced, reduction_line = _reduction(case, before)
    band = Category.ORDER[before.rank - 1] if reduced else before

    detail = {
        "Age at the start of follow-up": f" (on {_fmt(case.follow_up_start)})",
        "Age at the most recent sexual offence": (
            "" if sexual_age is None else f" (on {_fmt(case.last_sexual_offence)})"
        ),
    }
    working = [f"{name}: {value}{detail.get(name, '')} → {_pts(p)}" for name, value, p in items]
    working.append(f"Total: {_pts(points)} → {before.label}")
    z = DC_INTERCEPT + DC_SLOPE * points
    if points == 0:
        working.append("Predicted two-year rate: 0.00% (a total of 0 points)")
    else:
        working.append(
            f"Predicted two-year rate: {percentage:.2f}% (z = {DC_INTERCEPT} + {DC_SLOPE} × "
            f"{points} = {z:.4f}; p = 1 / (1 + e^−z))"
        )
    working.append(reduction_line)
    working.append(f"OSP/DC band: {band.label}, {percentage:.2f}%")
    return DCResult(
        points=points,
        band=band,
        percentage=percentage,
        reduced=reduced,
        working=tuple(working),
        items=items,
        band_before_reduction=before,
        inputs=case.inputs,
    )
