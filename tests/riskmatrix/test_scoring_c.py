"""RM2000/C: the default combination table cell by cell, a replaced table, and the checks on a
table (docs/domain.md, Risk Matrix 2000)."""

import dataclasses

import pytest

from riskmatrix.scoring import DEFAULT_C_TABLE, CombinationTable, rm2000_c
from tests.riskmatrix.scoring_cases import HIGH, LOW, MEDIUM, VERY_HIGH

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
