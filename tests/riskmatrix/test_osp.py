"""OSP/DC and OSP/IIC, item by item, boundary by boundary (docs/domain.md, "OSP"; issue 13)."""

import dataclasses
import datetime
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from riskmatrix.osp import (
    RULES_VERSION,
    dc_band,
    dc_percentage,
    osp_dc,
    osp_iic,
)
from riskmatrix.scoring import Category, NotApplicable

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

# the worked example in issue 13
ISSUE_EXAMPLE = dict(
    sex="male",
    date_of_birth=date(1980, 1, 1),
    assessment_date=date(2027, 1, 1),
    follow_up_start=date(2027, 1, 1),
    in_custody=False,
    total_sanctions=11,
    contact_adult=1,
    contact_child=2,
    non_contact=3,
    images=4,
    last_sexual_offence=date(1994, 1, 1),
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


def item_points(result, name):
    return next(points for item, _, points in result.items if item == name)


# --- the worked examples -----------------------------------------------------------------


def test_the_issue_worked_example_dc():
    result = osp_dc(**ISSUE_EXAMPLE)
    assert result.points == 28
    assert result.band == "medium" and result.band is MEDIUM
    assert result.percentage == 1.54
    assert result.reduced is False
    assert result.rules_version == RULES_VERSION == "osp-1"
    assert "Total: 28 points → Medium" in result.working
    assert result.working[-1] == "OSP/DC band: Medium, 1.54%"


def test_the_issue_worked_example_iic():
    result = osp_iic(**ISSUE_EXAMPLE)
    assert result.band == "high" and result.band is HIGH
    assert result.percentage == 10.31
    assert result.rules_version == "osp-1"
    assert result.working[-1] == "OSP/IIC band: High, 10.31%"


def test_the_domain_notes_example_36_points_is_very_high_at_5_31():
    # 15 (3 adult contact) + 6 (sanctions) + 4 (stranger) + 10 (sexual offence at 18+) + 1 (age 57)
    result = dc(age=57, contact_adult=3, stranger_victim=True, last_sexual_offence=date(2019, 6, 1))
    assert result.points == 36
    assert result.band is VERY_HIGH
    assert result.percentage == 5.31
    assert dc_percentage(36) == 5.31 and dc_percentage(28) == 1.54


def test_the_base_case_scores_zero_and_shows_zero_per_cent():
    result = dc()
    assert result.points == 0 and result.band is LOW
    assert result.percentage == 0.0
    assert "Predicted two-year rate: 0.00% (a total of 0 points)" in result.working


def test_results_are_frozen_and_keep_their_inputs():
    result = osp_dc(**ISSUE_EXAMPLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.points = 1
    assert result.inputs == ISSUE_EXAMPLE
    assert len(result.items) == 7
    with pytest.raises(dataclasses.FrozenInstanceError):
        osp_iic(**ISSUE_EXAMPLE).band = LOW


# --- OSP/DC: every item's points ---------------------------------------------------------

COUNT_ITEMS = [
    ("contact_adult", "Contact sexual sanctions, adult victim", (0, 5, 10, 15, 15, 15)),
    ("contact_child", "Contact sexual sanctions, child victim", (0, 3, 6, 9, 9, 9)),
    ("non_contact", "Non-contact sexual sanctions", (0, 2, 4, 6, 6, 6)),
]


@pytest.mark.parametrize(
    "field, item, n, points",
    [
        (f, item, n, pts)
        for f, item, table in COUNT_ITEMS
        for n, pts in zip((0, 1, 2, 3, 4, 20), table, strict=True)
    ],
)
def test_sexual_sanction_counts(field, item, n, points):
    result = dc(**{field: n})
    assert item_points(result, item) == points
    assert f"{item}: {n} → " in "\n".join(result.working)


def test_images_score_nothing_on_dc():
    result = dc(images=30)  # only the total of 30 sanctions scores
    assert [(item, p) for item, _, p in result.items if p] == [("Total sanctions", 6)]


@pytest.mark.parametrize(
    "age, points",
    [
        (17, 14),  # under 18 at follow-up (18 by the assessment): "20 or under → 14"
        (18, 14),
        (20, 14),
        (21, 13),
        (23, 13),
        (24, 12),
        (26, 12),
        (27, 11),
        (38, 8),
        (39, 7),
        (56, 2),
        (57, 1),
        (59, 1),
        (60, 0),
        (75, 0),
        (109, 0),
    ],
)
def test_age_at_the_start_of_follow_up(age, points):
    result = dc(age=age)
    assert item_points(result, "Age at the start of follow-up") == points
    assert result.points == points
    assert f"Age at the start of follow-up: {age} (on 1 Jan 2020)" in result.working[3]


@pytest.mark.parametrize(
    "date_of_birth, follow_up_start, age",
    [
        (date(1996, 2, 29), date(2017, 2, 28), 20),  # common year: the birthday is 1 March
        (date(1996, 2, 29), date(2017, 3, 1), 21),
        (date(1996, 2, 29), date(2016, 2, 28), 19),
        (date(1996, 2, 29), date(2016, 2, 29), 20),
        (date(1990, 6, 15), date(2011, 6, 14), 20),
        (date(1990, 6, 15), date(2011, 6, 15), 21),
    ],
)
def test_age_is_whole_years_and_29_february_safe(date_of_birth, follow_up_start, age):
    result = dc(date_of_birth=date_of_birth, follow_up_start=follow_up_start)
    assert next(v for item, v, _ in result.items if item == "Age at the start of follow-up") == age


@pytest.mark.parametrize(
    "date_of_birth, last_sexual_offence, points",
    [
        (date(1960, 1, 1), None, 0),  # unknown
        (date(1960, 1, 1), date(1970, 1, 1), 0),  # 10
        (date(1960, 1, 1), date(1975, 12, 31), 0),  # 15
        (date(1960, 1, 1), date(1976, 1, 1), 5),  # 16
        (date(1960, 1, 1), date(1977, 12, 31), 5),  # 17
        (date(1960, 1, 1), date(1978, 1, 1), 10),  # 18
        (date(1960, 1, 1), date(2019, 6, 1), 10),  # 59
        (date(1996, 2, 29), date(2014, 2, 28), 5),  # 17: 18th birthday is 1 Mar 2014
        (date(1996, 2, 29), date(2014, 3, 1), 10),
    ],
)
def test_age_at_the_most_recent_sexual_offence(date_of_birth, last_sexual_offence, points):
    result = dc(date_of_birth=date_of_birth, last_sexual_offence=last_sexual_offence)
    assert item_points(result, "Age at the most recent sexual offence") == points
    if last_sexual_offence is None:
        assert "Age at the most recent sexual offence: unknown → 0 points" in result.working


@pytest.mark.parametrize("total, points", [(1, 0), (2, 6), (3, 6), (999, 6)])
def test_total_sanctions(total, points):
    assert item_points(dc(total_sanctions=total), "Total sanctions") == points


@pytest.mark.parametrize(
    "stranger, shown, points", [(True, "yes", 4), (False, "no", 0), (None, "unknown", 0)]
)
def test_current_offence_against_a_stranger(stranger, shown, points):
    result = dc(stranger_victim=stranger)
    assert item_points(result, "Current offence against a stranger") == points
    assert f"Current offence against a stranger: {shown} → {points} point" in result.working[6]


def test_the_maximum_is_64_points():
    result = dc(
        age=20,
        contact_adult=3,
        contact_child=3,
        non_contact=3,
        last_sexual_offence=date(2019, 1, 1),
        stranger_victim=True,
    )
    assert result.points == 64 and result.band is VERY_HIGH


# --- OSP/DC: bands and the predicted rate --------------------------------------------------


@pytest.mark.parametrize(
    "points, band",
    [
        (0, LOW),
        (21, LOW),
        (22, MEDIUM),
        (29, MEDIUM),
        (30, HIGH),
        (35, HIGH),
        (36, VERY_HIGH),
        (64, VERY_HIGH),
    ],
)
def test_band_boundaries(points, band):
    assert dc_band(points) is band


SEXUAL_AT_18_PLUS = date(2019, 6, 1)


@pytest.mark.parametrize(
    "changes, points, band",
    [
        (dict(contact_adult=3), 21, LOW),  # 15 + 6 sanctions
        (dict(age=57, contact_adult=3), 22, MEDIUM),  # + 1 for age
        (dict(age=48, contact_adult=3, stranger_victim=True), 29, MEDIUM),  # 15 + 6 + 4 + 4
        (dict(age=45, contact_adult=3, stranger_victim=True), 30, HIGH),  # 15 + 6 + 4 + 5
        (
            dict(contact_adult=3, stranger_victim=True, last_sexual_offence=SEXUAL_AT_18_PLUS),
            35,
            HIGH,
        ),
        (
            dict(
                age=57, contact_adult=3, stranger_victim=True, last_sexual_offence=SEXUAL_AT_18_PLUS
            ),
            36,
            VERY_HIGH,
        ),
    ],
)
def test_band_boundaries_end_to_end(changes, points, band):
    result = dc(**changes)
    assert (result.points, result.band, result.reduced) == (points, band, False)
    assert f"Total: {points} points → {band.label}" in result.working


@pytest.mark.parametrize(
    "points, percentage", [(0, 0.0), (1, 0.02), (22, 0.60), (28, 1.54), (36, 5.31), (64, 83.12)]
)
def test_predicted_rate(points, percentage):
    assert dc_percentage(points) == percentage


def test_predicted_rate_rises_with_the_points():
    rates = [dc_percentage(points) for points in range(65)]
    assert rates == sorted(rates) and min(rates[1:]) > 0  # rounding may repeat a low rate


# --- OSP/DC: the time offence-free reduction -----------------------------------------------

# 36 points, Very high, unless reduced; follow-up started 1 Jan 2020
VERY_HIGH_CASE = dict(
    age=57,
    contact_adult=3,
    stranger_victim=True,
    last_sexual_offence=date(2019, 6, 1),
    last_offence=date(2019, 6, 1),
)
FIFTH_ANNIVERSARY = date(2025, 1, 1)
DAY_BEFORE = date(2024, 12, 31)


@pytest.mark.parametrize(
    "assessment_date, reduced, band",
    [
        (DAY_BEFORE, False, VERY_HIGH),
        (FIFTH_ANNIVERSARY, True, HIGH),
        (date(2030, 1, 1), True, HIGH),
    ],
)
def test_reduction_at_the_fifth_anniversary_of_follow_up(assessment_date, reduced, band):
    result = dc(**VERY_HIGH_CASE, assessment_date=assessment_date)
    assert (result.reduced, result.band, result.band_before_reduction) == (reduced, band, VERY_HIGH)
    assert result.points == 36 and result.percentage == 5.31  # the percentage never changes
    line = next(w for w in result.working if w.startswith("Time offence-free reduction"))
    if reduced:
        assert line.startswith("Time offence-free reduction applied")
        assert line.endswith("band Very high → High")
    else:
        assert "start of follow-up (1 Jan 2020; fifth anniversary 1 Jan 2025)" in line
    assert result.working[-1] == f"OSP/DC band: {band.label}, 5.31%"


@pytest.mark.parametrize("field", ["follow_up_start", "last_sexual_offence", "last_offence"])
@pytest.mark.parametrize(
    "assessment_date, reduced", [(date(2026, 3, 14), False), (date(2026, 3, 15), True)]
)
def test_each_date_must_be_five_years_past(field, assessment_date, reduced):
    # the named date is the latest (15 Mar 2021); the others are earlier
    case = {**VERY_HIGH_CASE, field: date(2021, 3, 15), "assessment_date": assessment_date}
    if field == "follow_up_start":
        case["date_of_birth"] = date(1964, 1, 1)  # 57 at the new start: still 36 points
    result = dc(**case)
    assert result.points == 36
    assert result.reduced is reduced
    if not reduced:
        assert "15 Mar 2021; fifth anniversary 15 Mar 2026" in result.working[-2]


@pytest.mark.parametrize(
    "assessment_date, reduced", [(date(2025, 2, 27), False), (date(2025, 2, 28), True)]
)
def test_reduction_is_month_end_safe_on_29_february(assessment_date, reduced):
    case = {
        **VERY_HIGH_CASE,
        "follow_up_start": date(2020, 2, 29),
        "assessment_date": assessment_date,
    }
    result = dc(**case)
    assert result.points == 36 and result.reduced is reduced


@pytest.mark.parametrize(
    "changes, before, after",
    [
        (
            dict(
                age=57, contact_adult=3, stranger_victim=True, last_sexual_offence=SEXUAL_AT_18_PLUS
            ),
            VERY_HIGH,
            HIGH,
        ),
        (dict(age=45, contact_adult=3, stranger_victim=True), HIGH, MEDIUM),
        (dict(age=57, contact_adult=3), MEDIUM, LOW),
    ],
)
def test_reduction_steps_down_each_band(changes, before, after):
    result = dc(**changes, assessment_date=date(2030, 1, 1))
    assert (result.band_before_reduction, result.band, result.reduced) == (before, after, True)


def test_no_reduction_in_custody():
    result = dc(**VERY_HIGH_CASE, assessment_date=date(2030, 1, 1), in_custody=True)
    assert result.reduced is False and result.band is VERY_HIGH
    assert "Time offence-free reduction not applied: the offender is in custody" in result.working


def test_no_reduction_when_already_low():
    result = dc(contact_adult=3, assessment_date=date(2030, 1, 1))
    assert result.band is LOW and result.reduced is False
    assert "Time offence-free reduction not applied: the band is already Low" in result.working


def test_unknown_offence_dates_are_not_counted_and_the_working_says_so():
    case = {**VERY_HIGH_CASE, "last_offence": None, "assessment_date": FIFTH_ANNIVERSARY}
    result = dc(**case)
    assert result.reduced is True
    assert "the most recent offence: date unknown, not counted" in result.working[-2]
    case = {**case, "last_sexual_offence": None, "age": 56}  # 25 + 2 for age 56 = 27, Medium
    result = dc(**case)
    assert result.reduced is True and result.band is LOW
    assert (
        "the most recent sexual offence and the most recent offence: date unknown"
        in (result.working[-2])
    )


def test_a_follow_up_starting_after_the_assessment_is_never_five_years_past():
    result = dc(
        **VERY_HIGH_CASE, follow_up_start=date(2031, 1, 1), assessment_date=date(2030, 1, 1)
    )
    assert result.reduced is False


# --- OSP/IIC: the hierarchy, row by row ----------------------------------------------------

IIC_ROWS = [
    (dict(images=2), 1, HIGH, 10.31),
    (dict(images=7, contact_child=3), 1, HIGH, 10.31),
    (dict(images=1), 2, MEDIUM, 3.328),
    (dict(images=1, contact_child=2, non_contact=1, contact_adult=1), 2, MEDIUM, 3.328),
    (dict(images=0, contact_child=2), 3, LOW, 0.926),
    (dict(images=0, contact_child=5, non_contact=1, contact_adult=1), 3, LOW, 0.926),
    (dict(images=0, contact_child=1), 4, LOW, 0.634),
    (dict(images=0, contact_child=1, non_contact=1, contact_adult=1), 4, LOW, 0.634),
    (dict(images=0, non_contact=1, contact_adult=1), 5, LOW, 0.281),
    (dict(images=0, non_contact=3, contact_adult=2), 5, LOW, 0.281),
    (dict(images=0, non_contact=1), 6, LOW, 0.0),
    (dict(images=0, contact_adult=4), 6, LOW, 0.0),
]


@pytest.mark.parametrize("counts, row, band, percentage", IIC_ROWS)
def test_iic_hierarchy(counts, row, band, percentage):
    result = iic(**counts)
    assert (result.band, result.percentage) == (band, percentage)
    rows = [w for w in result.working if w.startswith("Row ")]
    assert len(rows) == row
    assert all(w.endswith("does not match") for w in rows[:-1])
    assert rows[-1].startswith(f"Row {row}, {result.row}: matches → {band.label}, {percentage}%")
    assert result.working[-1] == f"OSP/IIC band: {band.label}, {percentage}%"


def test_iic_ignores_everything_but_the_counts():
    other = dict(
        age=20, stranger_victim=True, in_custody=True, last_sexual_offence=date(2019, 1, 1)
    )
    assert iic(**other).band == iic().band == MEDIUM


# --- refusals: not applicable --------------------------------------------------------------

NOT_APPLICABLE = [
    (dict(sex="female"), "built for men, and the offender is recorded as female"),
    (
        dict(date_of_birth=date(2003, 1, 2), assessment_date=date(2021, 1, 1)),
        r"under 18 on the assessment date \(aged 17 on 1 Jan 2021\)",
    ),
    (  # 29 February birthday: 18 on 1 March in a common year
        dict(date_of_birth=date(2008, 2, 29), assessment_date=date(2026, 2, 28)),
        r"aged 17 on 28 Feb 2026",
    ),
    (dict(images=0), "there is no sexual sanction"),
    (dict(images=0, total_sanctions=5), "there is no sexual sanction"),
]


@pytest.mark.parametrize("tool, name", [(osp_dc, "OSP/DC"), (osp_iic, "OSP/IIC")])
@pytest.mark.parametrize("changes, reason", NOT_APPLICABLE)
def test_not_applicable(tool, name, changes, reason):
    with pytest.raises(NotApplicable, match=reason) as raised:
        tool(**answers(**changes))
    assert raised.value.reason.startswith(f"{name} does not apply: ")


def test_18_on_the_assessment_date_is_applicable():
    assert dc(date_of_birth=date(2003, 1, 1), assessment_date=date(2021, 1, 1)).points == 14
    case = dict(date_of_birth=date(2008, 2, 29), follow_up_start=date(2026, 3, 1))
    assert dc(**case, assessment_date=date(2026, 3, 1)).points == 14


# --- refusals: impossible input ------------------------------------------------------------

BAD_INPUT = [
    (dict(sex="M"), "sex must be 'male' or 'female'"),
    (dict(sex=None), "sex must be"),
    (dict(date_of_birth="1960-01-01"), "date_of_birth must be a date"),
    (dict(date_of_birth=None), "date_of_birth must be a date"),
    (dict(assessment_date=datetime.datetime(2021, 1, 1)), "assessment_date must be a date"),
    (dict(follow_up_start=None), "follow_up_start must be a date"),
    (dict(last_sexual_offence="2019"), "last_sexual_offence must be a date or None if unknown"),
    (dict(last_offence=20190101), "last_offence must be a date or None"),
    (dict(in_custody=None), "in_custody must be True or False"),
    (dict(in_custody=0), "in_custody must be True or False"),
    (dict(stranger_victim="yes"), "stranger_victim must be True or False, or None if unknown"),
    (dict(total_sanctions=0), r"total_sanctions must be between 1 and 999 \(got 0\)"),
    (dict(total_sanctions=1000), r"total_sanctions must be between 1 and 999 \(got 1000\)"),
    (dict(total_sanctions=-1), "total_sanctions cannot be negative"),
    (dict(total_sanctions=True), "total_sanctions must be a whole number"),
    (dict(total_sanctions=2.0), "total_sanctions must be a whole number"),
    (dict(total_sanctions="2"), "total_sanctions must be a whole number"),
    (dict(images=2, total_sanctions=1), r"total_sanctions \(1\) cannot be fewer than the sexual"),
    (
        dict(contact_adult=1, contact_child=1, non_contact=1, images=1, total_sanctions=3),
        r"contact_adult 1 \+ contact_child 1 \+ non_contact 1 \+ images 1 = 4",
    ),
    (dict(date_of_birth=date(2020, 1, 2)), "follow_up_start .* cannot be before date_of_birth"),
    (dict(assessment_date=date(1959, 12, 31)), "assessment_date .* cannot be before date_of_birth"),
    (dict(last_sexual_offence=date(1959, 1, 1)), "last_sexual_offence .* before date_of_birth"),
    (dict(last_offence=date(1959, 1, 1)), "last_offence .* cannot be before date_of_birth"),
    (
        dict(date_of_birth=date(1910, 1, 1)),
        r"follow_up_start \(1 Jan 2020\) gives an age of 110, which is not realistic",
    ),
    (dict(date_of_birth=date(1900, 1, 1)), "gives an age of 120"),
]
BAD_INPUT += [
    (dict(images=1, **{field: value}), f"{field} ")
    for field in ("contact_adult", "contact_child", "non_contact")
    for value in (-1, True, 1.0, None)
] + [(dict(images=value), "images ") for value in (-1, True, False, 1.0, None, "1")]


@pytest.mark.parametrize("tool", [osp_dc, osp_iic])
@pytest.mark.parametrize("changes, message", BAD_INPUT)
def test_impossible_input_is_refused_naming_the_field(tool, changes, message):
    with pytest.raises(ValueError, match=message) as raised:
        tool(**{**BASE, **changes})
    assert not isinstance(raised.value, NotApplicable)


def test_an_age_of_109_at_the_start_of_follow_up_is_accepted():
    assert dc(date_of_birth=date(1910, 1, 2)).points == 0


def test_impossible_input_is_refused_before_not_applicable():
    with pytest.raises(ValueError, match="contact_adult cannot be negative") as raised:
        osp_dc(**{**BASE, "sex": "female", "contact_adult": -1})
    assert not isinstance(raised.value, NotApplicable)


def test_every_argument_is_keyword_only_and_required():
    with pytest.raises(TypeError):
        osp_dc(*BASE.values())
    incomplete = dict(BASE)
    del incomplete["last_offence"]
    with pytest.raises(TypeError):
        osp_iic(**incomplete)


# --- purity ----------------------------------------------------------------------------


def test_importing_osp_does_not_import_django():
    repo_root = Path(__file__).resolve().parents[2]
    code = "import sys, riskmatrix.osp; sys.exit('django' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True)
    assert completed.returncode == 0, completed.stderr.decode()
