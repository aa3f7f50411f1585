"""Level of risk management, policy level-1: the levels, the RM2000 and priority matrix with its
working, and overrides one step up or down (docs/domain.md)."""

import dataclasses
import enum
import re

import pytest

from assessments.combiner import Level, LevelResult, derive_level, move_level
from assessments.priority import Priority

# --- Level -----------------------------------------------------------------------------------


def test_level_values_labels_and_rank():
    assert [(lv.value, lv.label, lv.rank) for lv in Level] == [
        ("low", "Low", 0),
        ("medium", "Medium", 1),
        ("high", "High", 2),
        ("very_high", "Very high", 3),
    ]


def test_levels_order_by_rank_not_alphabetically():
    assert Level.LOW < Level.MEDIUM < Level.HIGH < Level.VERY_HIGH
    assert Level.HIGH >= Level.HIGH and Level.HIGH <= Level.HIGH
    assert sorted([Level.VERY_HIGH, Level.LOW, Level.HIGH, Level.MEDIUM]) == list(Level)
    assert max(Level) == Level.VERY_HIGH


def test_level_refuses_to_compare_with_a_plain_string():
    with pytest.raises(TypeError):
        _ = Level.HIGH < "low"


# --- derive_level: the full matrix -----------------------------------------------------------

MATRIX = [
    # (rm2000, priority, expected level)
    ("low", "low", "low"),  # clamped at the bottom
    ("low", "medium", "low"),
    ("low", "high", "medium"),
    ("medium", "low", "low"),
    ("medium", "medium", "medium"),
    ("medium", "high", "high"),
    ("high", "low", "medium"),
    ("high", "medium", "high"),
    ("high", "high", "very_high"),
    ("very_high", "low", "high"),
    ("very_high", "medium", "very_high"),
    ("very_high", "high", "very_high"),  # clamped at the top
]


@pytest.mark.parametrize(
    ("rm2000", "priority", "expected"),
    MATRIX,
    ids=[f"RM2000 {r} + priority {p} → {e}" for r, p, e in MATRIX],
)
def test_rm2000_and_priority_matrix(rm2000, priority, expected):
    result = derive_level(rm2000=rm2000, priority=priority)
    assert result.level == Level(expected)
    assert result.needs_review is False
    assert result.policy_version == "level-1"
    assert (result.rm2000, result.priority) == (Level(rm2000), Priority(priority))


@pytest.mark.parametrize(
    ("priority", "expected"),
    [("low", Level.LOW), ("medium", Level.MEDIUM), ("high", Level.HIGH)],
    ids=["no RM2000 + low → Low", "no RM2000 + medium → Medium", "no RM2000 + high → High"],
)
def test_without_rm2000_the_level_equals_the_priority_and_needs_review(priority, expected):
    result = derive_level(rm2000=None, priority=priority)
    assert (result.level, result.needs_review, result.rm2000) == (expected, True, None)
    assert result.working[0] == (
        "No applicable RM2000/S: level equals the priority; flagged for supervisor review"
    )


WORKING = [
    (
        "raise one level",
        "high",
        "high",
        (
            "Start from RM2000/S High",
            "ARMS priority high raises one level → Very high",
            "Level of risk management: Very high (policy level-1)",
        ),
    ),
    (
        "lower one level",
        "medium",
        "low",
        (
            "Start from RM2000/S Medium",
            "ARMS priority low lowers one level → Low",
            "Level of risk management: Low (policy level-1)",
        ),
    ),
    (
        "medium leaves it",
        "high",
        "medium",
        (
            "Start from RM2000/S High",
            "ARMS priority medium leaves it at High",
            "Level of risk management: High (policy level-1)",
        ),
    ),
    (
        "clamped at the top",
        "very_high",
        "high",
        (
            "Start from RM2000/S Very high",
            "ARMS priority high raises one level",
            "Already at Very high: stays Very high",
            "Level of risk management: Very high (policy level-1)",
        ),
    ),
    (
        "clamped at the bottom",
        "low",
        "low",
        (
            "Start from RM2000/S Low",
            "ARMS priority low lowers one level",
            "Already at Low: stays Low",
            "Level of risk management: Low (policy level-1)",
        ),
    ),
]


@pytest.mark.parametrize(
    ("rm2000", "priority", "working"), [w[1:] for w in WORKING], ids=[w[0] for w in WORKING]
)
def test_working_explains_each_step(rm2000, priority, working):
    assert derive_level(rm2000=rm2000, priority=priority).working == working


def test_str_enums_equal_to_the_values_are_accepted():
    # e.g. a riskmatrix category enum or a Django TextChoices member
    Category = enum.Enum("Category", {"HIGH": "high", "VERY_HIGH": "very_high"}, type=str)
    result = derive_level(rm2000=Category.HIGH, priority=Priority.HIGH)
    assert result.level == Level.VERY_HIGH
    assert derive_level(rm2000=Level.VERY_HIGH, priority="low").level == Level.HIGH


def test_level_result_is_frozen():
    result = derive_level(rm2000="low", priority="low")
    assert isinstance(result, LevelResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = Level.HIGH


@pytest.mark.parametrize(
    ("rm2000", "priority", "message"),
    [
        ("extreme", "high", "RM2000/S category must be one of low, medium, high, very_high"),
        ("High", "high", "RM2000/S category"),
        (3, "high", "RM2000/S category"),
        ("high", "urgent", "ARMS priority must be one of low, medium, high; got 'urgent'"),
        ("high", "very_high", "ARMS priority"),
        ("high", None, "ARMS priority"),
    ],
    ids=[
        "unknown category",
        "wrong case",
        "number",
        "unknown priority",
        "a level is not a priority",
        "missing priority",
    ],
)
def test_invalid_inputs_raise_a_readable_error(rm2000, priority, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        derive_level(rm2000=rm2000, priority=priority)


# --- overrides -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "steps", "expected"),
    [
        ("medium", 1, Level.HIGH),
        ("medium", -1, Level.LOW),
        ("medium", 0, Level.MEDIUM),
        ("very_high", 1, Level.VERY_HIGH),
        ("low", -1, Level.LOW),
        (Level.HIGH, 1, Level.VERY_HIGH),
    ],
    ids=["up", "down", "no move", "clamped at top", "clamped at bottom", "Level member"],
)
def test_move_level_one_step_clamped(level, steps, expected):
    assert move_level(level, steps) == expected


@pytest.mark.parametrize("steps", [2, -2, True, 1.0, "1"])
def test_move_level_refuses_more_than_one_step(steps):
    with pytest.raises(ValueError, match="-1, 0 or \\+1"):
        move_level("medium", steps)
