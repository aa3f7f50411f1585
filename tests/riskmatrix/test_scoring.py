"""RM2000 scoring tables, item by item, boundary by boundary (docs/domain.md, Risk Matrix 2000)."""

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from riskmatrix.scoring import (
    CATEGORY_ORDER,
    DEFAULT_C_TABLE,
    RULES_VERSION,
    Category,
    CombinationTable,
    NotApplicable,
    raise_category,
    rm2000_c,
    rm2000_s,
    rm2000_v,
)

LOW, MEDIUM, HIGH, VERY_HIGH = Category.LOW, Category.MEDIUM, Category.HIGH, Category.VERY_HIGH

# A case that scores 0 on every S item with no aggravating factor; tests change one thing.
S_BASE = dict(
    age=40,
    sexual_appearances=1,
    criminal_appearances=1,
    male_victim=False,
    stranger_victim=False,
    non_contact=False,
    never_married=False,
)
V_BASE = dict(age=50, violent_appearances=0, burglary=False)
FLAGS = ("male_victim", "stranger_victim", "non_contact", "never_married")


def s(**changes):
    return rm2000_s(**{**S_BASE, **changes})


def v(**changes):
    return rm2000_v(**{**V_BASE, **changes})


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


# --- not applicable and invalid input --------------------------------------------------

NOT_APPLICABLE = [
    (lambda: s(age=17), "under 18"),
    (lambda: s(age=0), "under 18"),
    (lambda: v(age=17), "under 18"),
    (lambda: s(sexual_appearances=0, criminal_appearances=3), "no sexual appearance"),
]


@pytest.mark.parametrize("call, reason", NOT_APPLICABLE)
def test_not_applicable_reasons(call, reason):
    with pytest.raises(NotApplicable, match=reason) as caught:
        call()
    assert reason in caught.value.reason and "does not apply" in str(caught.value)


S_INVALID = [
    (dict(sexual_appearances=-1), "sexual_appearances"),
    (dict(criminal_appearances=-1), "criminal_appearances"),
    (dict(age=-5), "age"),
    (dict(age=121), "age"),
    (dict(sexual_appearances=3, criminal_appearances=2), "criminal_appearances .* fewer than"),
    (dict(sexual_appearances=True), "sexual_appearances"),
    (dict(criminal_appearances=2.5), "criminal_appearances"),
    (dict(age="30"), "age"),
    (dict(age=30.0), "age"),
    (dict(sexual_appearances=None), "sexual_appearances"),
    (dict(male_victim=1), "male_victim"),
    (dict(stranger_victim="yes"), "stranger_victim"),
    (dict(non_contact=None), "non_contact"),
    (dict(never_married=0), "never_married"),
]


@pytest.mark.parametrize("changes, message", S_INVALID)
def test_s_rejects_invalid_input(changes, message):
    with pytest.raises(ValueError, match=message) as caught:
        s(**changes)
    assert not isinstance(caught.value, NotApplicable)


V_INVALID = [
    (dict(violent_appearances=-1), "violent_appearances"),
    (dict(violent_appearances=False), "violent_appearances"),
    (dict(violent_appearances=1.5), "violent_appearances"),
    (dict(violent_appearances="3"), "violent_appearances"),
    (dict(age=200), "age"),
    (dict(age=True), "age"),
    (dict(burglary=1), "burglary"),
    (dict(burglary="no"), "burglary"),
]


@pytest.mark.parametrize("changes, message", V_INVALID)
def test_v_rejects_invalid_input(changes, message):
    with pytest.raises(ValueError, match=message) as caught:
        v(**changes)
    assert not isinstance(caught.value, NotApplicable)


def test_missing_input_is_an_error_not_a_default():
    with pytest.raises(TypeError):
        rm2000_s(age=30, sexual_appearances=1, criminal_appearances=1)


# --- working, inputs, versions ---------------------------------------------------------


def test_s_working_shows_items_and_adjustment():
    result = s(
        age=23, sexual_appearances=2, criminal_appearances=6, male_victim=True, never_married=True
    )
    assert result.working[:4] == (
        "Age at commencement of risk: 23 → 2 points",
        "Sexual appearances: 2 → 1 point",
        "Criminal appearances: 6 → 1 point",
        "Step 1 total: 4 points → High",
    )
    assert "Sexual offence against a male: present" in result.working
    assert "Sexual offence against a stranger: absent" in result.working
    assert "2 aggravating factors: raised one category, High → Very high" in result.working
    assert result.working[-1] == "RM2000/S category: Very high"
    assert result.items[0] == ("Age at commencement of risk", 23, 2)


def test_s_working_shows_no_change_and_capping():
    assert "1 aggravating factor: no change, Low" in s(non_contact=True).working
    capped = s(age=20, sexual_appearances=2, criminal_appearances=2, **dict.fromkeys(FLAGS, True))
    expected = (
        "4 aggravating factors: raised two categories, High → Very high (capped at Very high)"
    )
    assert expected in capped.working


def test_v_working_shows_items_and_total():
    result = v(age=30, violent_appearances=2, burglary=True)
    assert result.working == (
        "Age at commencement of risk: 30 → 2 points",
        "Violent appearances: 2 → 2 points",
        "Any conviction for burglary: yes → 2 points",
        "Total: 6 points → RM2000/V category Very high",
    )


def test_results_carry_inputs_and_rules_version():
    s_result, v_result = s(age=30), v(age=30)
    assert RULES_VERSION == "rm2000-1"
    assert s_result.rules_version == v_result.rules_version == RULES_VERSION
    assert rm2000_c(LOW, LOW).rules_version == RULES_VERSION
    assert s_result.inputs == {**S_BASE, "age": 30}
    assert v_result.inputs == {**V_BASE, "age": 30}
    with pytest.raises(dataclasses.FrozenInstanceError):
        s_result.category = HIGH


# --- RM2000/C --------------------------------------------------------------------------

C_DEFAULT_TABLE = [
    (LOW, LOW, 0, LOW),
    (LOW, MEDIUM, 1, MEDIUM),
    (LOW, HIGH, 2, MEDIUM),
    (LOW, VERY_HIGH, 3, HIGH),
    (MEDIUM, LOW, 1, MEDIUM),
    (MEDIUM, MEDIUM, 2, MEDIUM),
    (MEDIUM, HIGH, 3, HIGH),
    (MEDIUM, VERY_HIGH, 4, HIGH),
    (HIGH, LOW, 2, MEDIUM),
    (HIGH, MEDIUM, 3, HIGH),
    (HIGH, HIGH, 4, HIGH),
    (HIGH, VERY_HIGH, 5, VERY_HIGH),
    (VERY_HIGH, LOW, 3, HIGH),
    (VERY_HIGH, MEDIUM, 4, HIGH),
    (VERY_HIGH, HIGH, 5, VERY_HIGH),
    (VERY_HIGH, VERY_HIGH, 6, VERY_HIGH),
]


@pytest.mark.parametrize("s_cat, v_cat, points, category", C_DEFAULT_TABLE)
def test_combined_default_table(s_cat, v_cat, points, category):
    result = rm2000_c(s_cat, v_cat)
    assert (result.points, result.category) == (points, category)
    assert rm2000_c(s_cat.value, v_cat.value) == result  # the equal strings work too
    assert result.table_version == "rm2000-c-provisional-1" and result.provisional


def test_combined_working_names_the_table():
    result = rm2000_c("high", "medium")
    assert result.working == (
        "RM2000/S High → 2 points",
        "RM2000/V Medium → 1 point",
        "Total: 3 points → RM2000/C category High",
        "Combination table rm2000-c-provisional-1 (provisional table)",
    )
    assert DEFAULT_C_TABLE.provisional


def test_combined_with_a_replaced_table():
    # e.g. a force loads a table where either scale alone can make the result Very high
    table = CombinationTable(
        version="force-x-1",
        points_per_category={LOW: 0, MEDIUM: 1, HIGH: 3, VERY_HIGH: 6},
        bands=((0, 0, LOW), (1, 2, MEDIUM), (3, 5, HIGH), (6, 12, VERY_HIGH)),
    )
    result = rm2000_c(LOW, VERY_HIGH, table=table)
    assert (result.points, result.category, result.table_version) == (6, VERY_HIGH, "force-x-1")
    assert not result.provisional
    assert rm2000_c(LOW, VERY_HIGH).category == HIGH  # the default is untouched


@pytest.mark.parametrize("s_cat, v_cat", [("extreme", LOW), (LOW, "Very High"), (LOW, None)])
def test_combined_rejects_unknown_category(s_cat, v_cat):
    with pytest.raises(ValueError, match="must be one of"):
        rm2000_c(s_cat, v_cat)


BAD_TABLES = [
    (dict(points_per_category={LOW: 0, MEDIUM: 1, HIGH: 2}), "no points for"),
    (dict(bands=((0, 0, LOW), (1, 2, MEDIUM), (3, 4, HIGH))), "not banded once"),
    (dict(bands=((0, 1, LOW), (1, 2, MEDIUM), (3, 4, HIGH), (5, 6, VERY_HIGH))), "banded once"),
]


@pytest.mark.parametrize("changes, message", BAD_TABLES)
def test_combination_table_is_checked_when_built(changes, message):
    with pytest.raises(ValueError, match=message):
        dataclasses.replace(DEFAULT_C_TABLE, **changes)


def test_combination_table_cannot_be_changed_in_place():
    with pytest.raises(TypeError):
        DEFAULT_C_TABLE.points_per_category[LOW] = 5


# --- purity ----------------------------------------------------------------------------


def test_importing_scoring_does_not_import_django():
    repo_root = Path(__file__).resolve().parents[2]
    code = "import sys, riskmatrix.scoring; sys.exit('django' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True)
    assert completed.returncode == 0, completed.stderr.decode()
