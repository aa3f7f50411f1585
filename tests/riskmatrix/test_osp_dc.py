"""OSP/DC item by item, boundary by boundary: the worked examples (with OSP/IIC's), every
item's points, the bands and the predicted rate (docs/domain.md, "OSP"; issue 13)."""

import dataclasses
from datetime import date

import pytest

from riskmatrix.osp import RULES_VERSION, dc_band, dc_percentage, osp_dc, osp_iic
from tests.riskmatrix.osp_cases import HIGH, LOW, MEDIUM, SEXUAL_AT_18_PLUS, VERY_HIGH, dc

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
