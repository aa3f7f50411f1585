"""OSP/DC's time offence-free reduction: five years past every date, month ends, custody and
unknown dates (docs/domain.md, "OSP"; issue 13)."""

from datetime import date

import pytest

from tests.riskmatrix.osp_cases import HIGH, LOW, MEDIUM, SEXUAL_AT_18_PLUS, VERY_HIGH, dc

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
