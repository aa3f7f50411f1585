"""ARMS priority for work, rule arms-priority-1 (docs/domain.md, "Priority for work")."""

import dataclasses
import enum
import re

import pytest

from assessments.priority import (
    FACTOR_CODES,
    FACTOR_NAMES,
    PROTECTIVE_FACTORS,
    RISK_FACTORS,
    RULE_VERSION,
    Priority,
    PriorityResult,
    arms_priority,
    factor_label,
)

R = RISK_FACTORS
P = PROTECTIVE_FACTORS


def ratings(risk=(), protective=(), **overrides):
    """All 11 factors rated 0, then the given risk/protective ratings in table order."""
    result = dict.fromkeys(FACTOR_CODES, 0)
    result.update(zip(R, risk, strict=False))
    result.update(zip(P, protective, strict=False))
    result.update(overrides)
    return result


# --- the factor list -----------------------------------------------------------------------


def test_seven_risk_and_four_protective_factors_in_domain_table_order():
    assert R == (
        "sexual_preoccupation",
        "offence_related_sexual_interest",
        "opportunity_to_offend",
        "emotional_congruence_with_children",
        "hostile_orientation",
        "poor_self_management",
        "negative_social_influences",
    )
    assert P == (
        "positive_routine",
        "social_investment",
        "commitment_to_desist",
        "positive_social_influences",
    )
    assert FACTOR_CODES == R + P


def test_every_factor_has_a_readable_name():
    assert set(FACTOR_NAMES) == set(FACTOR_CODES)
    assert factor_label("offence_related_sexual_interest") == "Offence-related sexual interest"
    assert factor_label("something_new") == "Something new"


def test_priority_values_and_labels():
    assert [(p.value, p.label) for p in Priority] == [
        ("low", "Low"),
        ("medium", "Medium"),
        ("high", "High"),
    ]


# --- thresholds ------------------------------------------------------------------------------

THRESHOLDS = [
    # (name, ratings, expected priority, net, strong)
    ("nothing present → low", ratings(), "low", 0, 0),
    ("net 1, strong 0 → low (just under medium)", ratings(risk=[1]), "low", 1, 0),
    ("net 2, strong 0 → medium (medium net boundary)", ratings(risk=[1, 1]), "medium", 2, 0),
    ("net 5, strong 0 → medium (just under high)", ratings(risk=[1] * 5), "medium", 5, 0),
    ("net 6, strong 0 → high (high net boundary)", ratings(risk=[1] * 6), "high", 6, 0),
    ("net 7, strong 0 → high", ratings(risk=[1] * 7), "high", 7, 0),
    (
        "net 5 after protective (7 − 2) → medium",
        ratings(risk=[1] * 7, protective=[2]),
        "medium",
        5,
        0,
    ),
    (
        "net 6 after protective (8 − 2) → high",
        ratings(risk=[2, 1, 1, 1, 1, 1, 1], protective=[1, 1]),
        "high",
        6,
        1,
    ),
    ("strong 1 alone lifts net 1 to medium", ratings(risk=[2], protective=[1]), "medium", 1, 1),
    ("strong 1 lifts net 0 to medium", ratings(risk=[2], protective=[2]), "medium", 0, 1),
    ("strong 1 with net 5 stays medium", ratings(risk=[2, 1, 1, 1]), "medium", 5, 1),
    ("strong 2 lifts net 0 to high", ratings(risk=[2, 2], protective=[2, 2]), "high", 0, 2),
    ("strong 2 with net 4 → high", ratings(risk=[2, 2]), "high", 4, 2),
    (
        "strong 3, net −2 → high",
        ratings(risk=[2, 2, 2], protective=[2, 2, 2, 2]),
        "high",
        -2,
        3,
    ),
    ("negative net, strong 0 → low", ratings(protective=[2, 2, 2, 2]), "low", -8, 0),
]


@pytest.mark.parametrize(
    ("given", "expected", "net", "strong"),
    [case[1:] for case in THRESHOLDS],
    ids=[case[0] for case in THRESHOLDS],
)
def test_threshold_boundaries(given, expected, net, strong):
    result = arms_priority(given)
    assert result.priority == Priority(expected)
    assert (result.net, result.strong) == (net, strong)
    assert result.net == result.risk - result.protective


# --- insufficient information ------------------------------------------------------------------

NONE_CASES = [
    # (name, ratings, expected priority, risk, protective)
    ("one risk None counts 1 → net 1 low", ratings(risk=[None]), "low", 1, 0),
    ("risk None + risk 1 → net 2 medium", ratings(risk=[None, 1]), "medium", 2, 0),
    ("all 7 risk None count 7 → high", ratings(risk=[None] * 7), "high", 7, 0),
    ("risk None is never strong", ratings(risk=[None, None]), "medium", 2, 0),
    (
        "protective None counts 0: net 6 stays high",
        ratings(risk=[1] * 6, protective=[None] * 4),
        "high",
        6,
        0,
    ),
    (
        "protective 1s bring the same risk down to medium",
        ratings(risk=[1] * 6, protective=[1] * 4),
        "medium",
        6,
        4,
    ),
    (
        "all 11 None → risk 7, protective 0 → high",
        dict.fromkeys(FACTOR_CODES),
        "high",
        7,
        0,
    ),
]


@pytest.mark.parametrize(
    ("given", "expected", "risk", "protective"),
    [case[1:] for case in NONE_CASES],
    ids=[case[0] for case in NONE_CASES],
)
def test_insufficient_information_counts_1_for_risk_and_0_for_protective(
    given, expected, risk, protective
):
    result = arms_priority(given)
    assert (result.priority, result.risk, result.protective) == (
        Priority(expected),
        risk,
        protective,
    )
    assert result.strong == 0


# --- working ---------------------------------------------------------------------------------


def test_working_explains_each_factor_the_sums_and_the_deciding_threshold():
    given = ratings(
        risk=[None, 2, 1, 1, 1, 1, 1],
        protective=[1, None],
    )
    result = arms_priority(given)
    assert result.working == (
        "Rule arms-priority-1",
        "Sexual preoccupation: insufficient information → counted as 1 (precaution)",
        "Offence-related sexual interest: 2 (strong evidence) → +2 risk",
        "Opportunity to offend (access to potential victims): 1 (some evidence) → +1 risk",
        "Emotional congruence with children: 1 (some evidence) → +1 risk",
        "Hostile orientation: 1 (some evidence) → +1 risk",
        "Poor self-management: 1 (some evidence) → +1 risk",
        "Negative social influences: 1 (some evidence) → +1 risk",
        "Positive routine: 1 (some evidence) → +1 protective",
        "Social investment: insufficient information → counted as 0 (no credit without evidence)",
        "Commitment to desist: 0 (not present) → +0 protective",
        "Positive social influences: 0 (not present) → +0 protective",
        "risk = 8",
        "protective = 1",
        "net = 8 − 1 = 7",
        "strong (risk factors rated 2) = 1",
        "net 7 ≥ 6 → high",
    )


@pytest.mark.parametrize(
    ("given", "last_lines"),
    [
        (ratings(risk=[1] * 6), ("net 6 ≥ 6 → high",)),
        (ratings(risk=[2, 2]), ("strong 2 ≥ 2 → high",)),
        (ratings(risk=[2, 2, 2, 1]), ("net 7 ≥ 6 and strong 3 ≥ 2 → high",)),
        (
            ratings(risk=[1, 1]),
            ("net 2 < 6 and strong 0 < 2 → not high", "net 2 ≥ 2 → medium"),
        ),
        (
            ratings(risk=[2], protective=[2]),
            ("net 0 < 6 and strong 1 < 2 → not high", "strong 1 = 1 → medium"),
        ),
        (
            ratings(risk=[1]),
            ("net 1 < 6 and strong 0 < 2 → not high", "net 1 < 2 and strong 0 = 0 → low"),
        ),
    ],
    ids=[
        "net decides high",
        "strong decides high",
        "both decide high",
        "net decides medium",
        "strong decides medium",
        "low",
    ],
)
def test_working_names_the_threshold_that_decided(given, last_lines):
    assert arms_priority(given).working[-len(last_lines) :] == last_lines


def test_result_is_frozen_and_carries_the_rule_version():
    result = arms_priority(ratings())
    assert isinstance(result, PriorityResult)
    assert result.rule_version == RULE_VERSION == "arms-priority-1"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.priority = Priority.HIGH


def test_str_enum_keys_are_accepted_by_value():
    Code = enum.Enum("Code", {c.upper(): c for c in FACTOR_CODES}, type=str)
    result = arms_priority({Code(c): 1 for c in FACTOR_CODES})
    assert (result.risk, result.protective, result.priority) == (7, 4, Priority.MEDIUM)


# --- invalid input ---------------------------------------------------------------------------

INVALID = [
    # (name, ratings, text expected in the message)
    (
        "missing factor",
        {c: 0 for c in FACTOR_CODES if c != "hostile_orientation"},
        "Missing rating for ARMS factor(s): hostile_orientation",
    ),
    ("empty mapping", {}, "Missing rating"),
    ("unknown factor", {**ratings(), "charm": 1}, "Unknown ARMS factor code(s): charm"),
    ("rating 3", ratings(sexual_preoccupation=3), "sexual_preoccupation"),
    ("rating −1", ratings(positive_routine=-1), "positive_routine"),
    ("True is not 1", ratings(social_investment=True), "social_investment"),
    ("False is not 0", ratings(hostile_orientation=False), "hostile_orientation"),
    ("float 1.0", ratings(opportunity_to_offend=1.0), "opportunity_to_offend"),
    ("string '1'", ratings(commitment_to_desist="1"), "commitment_to_desist"),
    ("not a mapping", [("sexual_preoccupation", 0)], "mapping"),
    ("None instead of a mapping", None, "mapping"),
]


@pytest.mark.parametrize(
    ("given", "message"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID]
)
def test_invalid_ratings_raise_a_readable_error_naming_the_code(given, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        arms_priority(given)


def test_invalid_rating_message_gives_the_factor_name_and_the_allowed_values():
    with pytest.raises(ValueError) as raised:
        arms_priority(ratings(poor_self_management=True))
    assert str(raised.value) == (
        "Rating for poor_self_management (Poor self-management) must be 0, 1, 2 or None "
        "(insufficient information), got True"
    )
