"""Shared cases for the OSP/DC and OSP/IIC tests: a base case scoring nothing, and the tools run
on it with one thing changed."""

from datetime import date

from riskmatrix.osp import osp_dc, osp_iic
from riskmatrix.scoring import Category

LOW, MEDIUM, HIGH, VERY_HIGH = Category.LOW, Category.MEDIUM, Category.HIGH, Category.VERY_HIGH

FOLLOW_UP = date(2020, 1, 1)

# A man of 60 at the start of follow-up with one indecent-image sanction and nothing else known:
# 0 points on every OSP/DC item, assessed a year later (so never five years offence-free).
# Tests change one thing.
BASE = dict(
    sex="male",
    date_of_birth=date(1960, 1, 1),
    assessment_date=date(2021, 1, 1),
    follow_up_start=FOLLOW_UP,
    in_custody=False,
    total_sanctions=1,
    contact_adult=0,
    contact_child=0,
    non_contact=0,
    images=1,
    last_sexual_offence=None,
    last_offence=None,
    stranger_victim=False,
)


def answers(age=None, **changes):
    """BASE with changes; ``age`` sets the date of birth for that age at the start of follow-up."""
    if age is not None:
        changes.setdefault("date_of_birth", date(FOLLOW_UP.year - age, 1, 1))
    result = {**BASE, **changes}
    counts = sum(result[k] for k in ("contact_adult", "contact_child", "non_contact", "images"))
    if "total_sanctions" not in changes and all(
        isinstance(result[k], int) and not isinstance(result[k], bool)
        for k in ("contact_adult", "contact_child", "non_contact", "images")
    ):
        result["total_sanctions"] = max(1, counts)
    return result


def dc(age=None, **changes):
    return osp_dc(**answers(age, **changes))


def iic(age=None, **changes):
    return osp_iic(**answers(age, **changes))


# the most recent sexual offence, at 18 or over for every age the tests use: 10 points
SEXUAL_AT_18_PLUS = date(2019, 6, 1)
