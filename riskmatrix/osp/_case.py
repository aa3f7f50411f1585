"""The checked answers shared by OSP/DC and OSP/IIC: validation and "not applicable".

Pure: no Django, no clock (see ``riskmatrix.osp``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from arms_site.lib.dates import check_date
from riskmatrix.scoring import NotApplicable

RULES_VERSION = "osp-1"
SANCTIONS_RANGE = (1, 999)
MAX_AGE = 110  # an age of 110 or more at the start of follow-up is a typing error
ADULT_AGE = 18
COUNTS = ("contact_adult", "contact_child", "non_contact", "images")
SEXES = ("male", "female")


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
