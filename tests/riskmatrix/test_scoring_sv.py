"""RM2000/S and RM2000/V, item by item, boundary by boundary: the categories, every item's
points, the totals and the aggravating factors (docs/domain.md, Risk Matrix 2000)."""

import pytest

from riskmatrix.scoring import CATEGORY_ORDER, Category, raise_category
from tests.riskmatrix.scoring_cases import FLAGS, HIGH, LOW, MEDIUM, VERY_HIGH, s, v


def item_points(result, name):
    return next(points for item, _, points in result.items if item == name)


# --- Category --------------------------------------------------------------------------


def test_category_compares_equal_to_its_string():
    assert LOW == "low" and MEDIUM == "medium" and HIGH == "high" and VERY_HIGH == "very_high"
    assert Category("very_high") is VERY_HIGH
    assert str(VERY_HIGH) == "very_high"


def test_category_labels_and_order():
    assert [c.label for c in CATEGORY_ORDER] == ["Low", "Medium", "High", "Very high"]
    assert Category.ORDER == CATEGORY_ORDER
    assert [c.rank for c in CATEGORY_ORDER] == [0, 1, 2, 3]


RAISE_CATEGORY = [
    (LOW, 0, LOW),
    (LOW, 1, MEDIUM),
    (LOW, 3, VERY_HIGH),
    (HIGH, 1, VERY_HIGH),
    (HIGH, 2, VERY_HIGH),
    (VERY_HIGH, 4, VERY_HIGH),
    ("medium", 1, HIGH),
    (MEDIUM, -1, LOW),
    (LOW, -1, LOW),
]


@pytest.mark.parametrize("start, steps, expected", RAISE_CATEGORY)
def test_raise_category_is_capped(start, steps, expected):
    assert raise_category(start, steps) is expected


# --- RM2000/S step 1 items -------------------------------------------------------------

AGE_BANDS_S = [(18, 2), (24, 2), (25, 1), (34, 1), (35, 0), (44, 0), (45, 0), (120, 0)]


@pytest.mark.parametrize("age, points", AGE_BANDS_S)
def test_age_at_commencement_of_risk_points(age, points):
    result = s(age=age)
    assert item_points(result, "Age at commencement of risk") == points
    assert result.points == points


SEXUAL_APPEARANCES_S = [(1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (9, 3)]


@pytest.mark.parametrize("appearances, points", SEXUAL_APPEARANCES_S)
def test_sexual_appearances_points(appearances, points):
    result = s(sexual_appearances=appearances, criminal_appearances=appearances)
    assert item_points(result, "Sexual appearances") == points


CRIMINAL_APPEARANCES_S = [(1, 0), (4, 0), (5, 1), (12, 1)]


@pytest.mark.parametrize("appearances, points", CRIMINAL_APPEARANCES_S)
def test_criminal_appearances_points(appearances, points):
    result = s(criminal_appearances=appearances)
    assert item_points(result, "Criminal appearances") == points
    assert result.points == points


# (age, sexual, criminal) chosen to reach each total from 0 to the maximum 6
STEP1_TOTALS_S = [
    ((40, 1, 1), 0, LOW),
    ((30, 1, 1), 1, MEDIUM),
    ((20, 1, 1), 2, MEDIUM),
    ((20, 2, 2), 3, HIGH),
    ((20, 3, 3), 4, HIGH),
    ((20, 3, 5), 5, VERY_HIGH),
    ((20, 5, 5), 6, VERY_HIGH),
]


@pytest.mark.parametrize("case, total, category", STEP1_TOTALS_S)
def test_step1_total_to_category(case, total, category):
    age, sexual, criminal = case
    result = s(age=age, sexual_appearances=sexual, criminal_appearances=criminal)
    assert (result.points, result.step1_category, result.category) == (total, category, category)


# --- RM2000/S step 2 -------------------------------------------------------------------

# (number of aggravating factors, step-1 category, final category)
AGGRAVATING_FACTORS_S = [
    (0, MEDIUM, MEDIUM),
    (1, MEDIUM, MEDIUM),
    (2, MEDIUM, HIGH),
    (3, MEDIUM, HIGH),
    (4, MEDIUM, VERY_HIGH),
    (4, LOW, HIGH),
    (2, HIGH, VERY_HIGH),
    (4, HIGH, VERY_HIGH),  # two steps asked, one available: capped
    (2, VERY_HIGH, VERY_HIGH),
    (4, VERY_HIGH, VERY_HIGH),
]
AGE_FOR_STEP1 = {LOW: dict(age=40), MEDIUM: dict(age=20), HIGH: dict(age=20, sexual_appearances=2)}
AGE_FOR_STEP1[VERY_HIGH] = dict(age=20, sexual_appearances=5)


@pytest.mark.parametrize("count, step1, final", AGGRAVATING_FACTORS_S)
def test_aggravating_factors_raise_category(count, step1, final):
    case = dict(AGE_FOR_STEP1[step1])
    case["criminal_appearances"] = case.get("sexual_appearances", 1)
    case.update({flag: i < count for i, flag in enumerate(FLAGS)})
    result = s(**case)
    assert (result.step1_category, result.aggravating, result.category) == (step1, count, final)


@pytest.mark.parametrize("flag", FLAGS)
def test_each_aggravating_factor_counts(flag):
    assert s(**{flag: True}).aggravating == 1


# --- RM2000/V --------------------------------------------------------------------------

AGE_BANDS_V = [(18, 3), (24, 3), (25, 2), (34, 2), (35, 1), (44, 1), (45, 0), (90, 0)]


@pytest.mark.parametrize("age, points", AGE_BANDS_V)
def test_age_at_commencement_of_risk_points_v(age, points):
    result = v(age=age)
    assert item_points(result, "Age at commencement of risk") == points
    assert result.points == points


VIOLENT_APPEARANCES_V = [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (10, 3)]


@pytest.mark.parametrize("appearances, points", VIOLENT_APPEARANCES_V)
def test_violent_appearances_points(appearances, points):
    result = v(violent_appearances=appearances)
    assert item_points(result, "Violent appearances") == points
    assert result.points == points


BURGLARY_V = [(False, 0), (True, 2)]


@pytest.mark.parametrize("burglary, points", BURGLARY_V)
def test_any_conviction_for_burglary_points(burglary, points):
    assert item_points(v(burglary=burglary), "Any conviction for burglary") == points


# (age, violent appearances, burglary) reaching each total from 0 to the maximum 8
TOTALS_V = [
    ((50, 0, False), 0, LOW),
    ((40, 0, False), 1, LOW),
    ((30, 0, False), 2, MEDIUM),
    ((20, 0, False), 3, MEDIUM),
    ((20, 1, False), 4, HIGH),
    ((20, 2, False), 5, HIGH),
    ((20, 4, False), 6, VERY_HIGH),
    ((20, 2, True), 7, VERY_HIGH),
    ((20, 4, True), 8, VERY_HIGH),
]


@pytest.mark.parametrize("case, total, category", TOTALS_V)
def test_v_total_to_category(case, total, category):
    age, violent, burglary = case
    result = v(age=age, violent_appearances=violent, burglary=burglary)
    assert (result.points, result.category) == (total, category)
