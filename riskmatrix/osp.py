"""OSP, the OASys Sexual reoffending Predictor: OSP/DC (direct contact) and OSP/IIC (indecent
images and indirect contact), HMPPS's successor to RM2000/S.

The project's own implementation of the rules written out in docs/domain.md, section "OSP"
(confirmed there from the Ministry of Justice's open actuarial code); it copies no code.

Pure functions, in the style of ``riskmatrix.scoring``: nothing here reads settings, the clock, the
database or any file, so a result depends only on its arguments and ``RULES_VERSION``. Bad input
raises ``ValueError`` naming the field; a case the tool was not built for raises
``NotApplicable`` with the reason. Never a default.

Where the domain notes and issue 13 could be read differently, this module follows the issue:
- a bool where a count belongs is refused (the issue lists it; the notes do not mention it);
- OSP/DC's percentage is rounded to 2 decimal places; OSP/IIC's rates are kept as the notes
  give them (3.328, 0.926, ...), since the issue asks for 2 places for OSP/DC only.
Choices where the notes are silent:
- age in whole years counts a 29 February birthday from 1 March in a common year, as
  ``riskmatrix.prefill.age_on`` does for RM2000;
- an age under 18 at the start of follow-up (but 18+ on the assessment date) scores 14 on the age
  item ("20 or under → 14"), not 15 from the formula;
- the reduction's "5 whole years" is reached on the fifth anniversary (60 calendar months on,
  31st → month end, 29 February → 28 February), and a date after the assessment date never
  reaches it; an offence date later than the assessment date is not refused (not in the rules);
- when several "not applicable" reasons hold, the first of: a woman, under 18, no sexual sanction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from arms_site.lib.dates import add_months, check_date
from riskmatrix.scoring import Category, NotApplicable

RULES_VERSION = "osp-1"
SANCTIONS_RANGE = (1, 999)
MAX_AGE = 110  # an age of 110 or more at the start of follow-up is a typing error
ADULT_AGE = 18
REDUCTION_MONTHS = 60  # five whole years offence-free
DC_INTERCEPT = -8.633
DC_SLOPE = 0.1598
COUNTS = ("contact_adult", "contact_child", "non_contact", "images")
SEXES = ("male", "female")

# points per sanction, capped at three sanctions
DC_PER_SANCTION = (
    ("contact_adult", "Contact sexual sanctions, adult victim", 5),
    ("contact_child", "Contact sexual sanctions, child victim", 3),
    ("non_contact", "Non-contact sexual sanctions", 2),
)
DC_BANDS = ((0, Category.LOW), (22, Category.MEDIUM), (30, Category.HIGH), (36, Category.VERY_HIGH))


def _fmt(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def _pts(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def age_on(date_of_birth: date, on: date) -> int:
    """Whole years completed on ``on`` (a 29 February birthday counts from 1 March)."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday


# --- validation: reject rather than guess -------------------------------------------------


def _count(name: str, value: object) -> int:
    # bool is a subclass of int, but True as a count is almost certainly a wiring mistake
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if value < 0:
        raise ValueError(f"{name} cannot be negative (got {value})")
    return value


def _date(name: str, value: object, *, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    try:
        check_date(value)
    except ValueError:
        unknown = " or None if unknown" if optional else ""
        raise ValueError(f"{name} must be a date{unknown}, not {value!r}") from None
    return value


def _flag(name: str, value: object, *, optional: bool = False) -> bool | None:
    if value is None and optional:
        return None
    if not isinstance(value, bool):
        unknown = ", or None if unknown" if optional else ""
        raise ValueError(f"{name} must be True or False{unknown}, not {value!r}")
    return value


@dataclass(frozen=True)
class _Case:
    """The checked answers, with the ages the rules use."""

    in_custody: bool
    total_sanctions: int
    contact_adult: int
    contact_child: int
    non_contact: int
    images: int
    assessment_date: date
    follow_up_start: date
    last_sexual_offence: date | None
    last_offence: date | None
    stranger_victim: bool | None
    age_at_follow_up: int
    age_at_last_sexual_offence: int | None
    inputs: dict


def _check(
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
    tool: str,
) -> _Case:
    inputs = {
        "sex": sex,
        "date_of_birth": date_of_birth,
        "assessment_date": assessment_date,
        "follow_up_start": follow_up_start,
        "in_custody": in_custody,
        "total_sanctions": total_sanctions,
        "contact_adult": contact_adult,
        "contact_child": contact_child,
        "non_contact": non_contact,
        "images": images,
        "last_sexual_offence": last_sexual_offence,
        "last_offence": last_offence,
        "stranger_victim": stranger_victim,
    }
    if not isinstance(sex, str) or sex not in SEXES:
        raise ValueError(f"sex must be 'male' or 'female', not {sex!r}")
    dob = _date("date_of_birth", date_of_birth)
    dates = {
        "assessment_date": _date("assessment_date", assessment_date),
        "follow_up_start": _date("follow_up_start", follow_up_start),
        "last_sexual_offence": _date("last_sexual_offence", last_sexual_offence, optional=True),
        "last_offence": _date("last_offence", last_offence, optional=True),
    }
    _flag("in_custody", in_custody)
    _flag("stranger_victim", stranger_victim, optional=True)

    total = _count("total_sanctions", total_sanctions)
    lowest, highest = SANCTIONS_RANGE
    if not lowest <= total <= highest:
        raise ValueError(f"total_sanctions must be between {lowest} and {highest} (got {total})")
    counts = {name: _count(name, inputs[name]) for name in COUNTS}
    if sum(counts.values()) > total:
        listed = " + ".join(f"{name} {n}" for name, n in counts.items())
        raise ValueError(
            f"total_sanctions ({total}) cannot be fewer than the sexual sanctions "
            f"({listed} = {sum(counts.values())}): every sexual sanction is a sanction"
        )

    for name, d in dates.items():
        if d is not None and d < dob:
            raise ValueError(f"{name} ({_fmt(d)}) cannot be before date_of_birth ({_fmt(dob)})")
    age_at_follow_up = age_on(dob, follow_up_start)
    if age_at_follow_up >= MAX_AGE:
        raise ValueError(
            f"follow_up_start ({_fmt(follow_up_start)}) gives an age of {age_at_follow_up}, "
            f"which is not realistic ({MAX_AGE} or more)"
        )

    if sex == "female":
        raise NotApplicable(
            f"{tool} does not apply: it was built for men, and the offender is recorded as female"
        )
    age_now = age_on(dob, assessment_date)
    if age_now < ADULT_AGE:
        raise NotApplicable(
            f"{tool} does not apply: the offender is under 18 on the assessment date "
            f"(aged {age_now} on {_fmt(assessment_date)})"
        )
    if not any(counts.values()):
        raise NotApplicable(
            f"{tool} does not apply: there is no sexual sanction (0 contact with an adult victim, "
            "0 contact with a child victim, 0 non-contact, 0 indecent images)"
        )

    age_at_sexual = None if last_sexual_offence is None else age_on(dob, last_sexual_offence)
    return _Case(
        in_custody=in_custody,
        total_sanctions=total,
        **counts,
        assessment_date=assessment_date,
        follow_up_start=follow_up_start,
        last_sexual_offence=last_sexual_offence,
        last_offence=last_offence,
        stranger_victim=stranger_victim,
        age_at_follow_up=age_at_follow_up,
        age_at_last_sexual_offence=age_at_sexual,
        inputs=inputs,
    )


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


# --- OSP/IIC: a hierarchy, the first row that matches decides ------------------------------


@dataclass(frozen=True)
class IICResult:
    band: Category
    percentage: float  # predicted rate in per cent, as the hierarchy gives it
    working: tuple[str, ...]
    row: str  # the condition of the row that decided
    inputs: dict = field(hash=False)
    rules_version: str = RULES_VERSION


IIC_ROWS = (
    ("2+ indecent-image sanctions", lambda c: c.images >= 2, Category.HIGH, 10.31),
    ("1 indecent-image sanction", lambda c: c.images == 1, Category.MEDIUM, 3.328),
    ("2+ contact sanctions, child victim", lambda c: c.contact_child >= 2, Category.LOW, 0.926),
    ("1 contact sanction, child victim", lambda c: c.contact_child == 1, Category.LOW, 0.634),
    (
        "any non-contact and any contact, adult victim",
        lambda c: c.non_contact > 0 and c.contact_adult > 0,
        Category.LOW,
        0.281,
    ),
    ("otherwise", lambda c: True, Category.LOW, 0.0),
)


def osp_iic(
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
) -> IICResult:
    """OSP/IIC: band and predicted rate from the first matching row of the hierarchy."""
    case = _check(**locals(), tool="OSP/IIC")
    working = [
        f"Sexual sanctions: {case.images} indecent images, {case.contact_child} contact with a "
        f"child victim, {case.non_contact} non-contact, {case.contact_adult} contact with an "
        "adult victim"
    ]
    for number, (condition, matches, band, rate) in enumerate(IIC_ROWS, start=1):
        if matches(case):
            working.append(f"Row {number}, {condition}: matches → {band.label}, {rate}%")
            working.append(f"OSP/IIC band: {band.label}, {rate}%")
            return IICResult(band, rate, tuple(working), condition, case.inputs)
        working.append(f"Row {number}, {condition}: does not match")
    raise AssertionError("the last IIC row always matches")  # pragma: no cover
