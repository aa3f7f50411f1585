"""ARMS priority for work: the provisional default rule ``arms-priority-1``.

Pure domain rule (stdlib only: no Django, no clock, no I/O). The officer rates 7 risk and
4 protective factors 0, 1, 2 or None (insufficient information); this module turns those
ratings into a priority for work and says how it got there, line by line.

The rule (docs/domain.md, "Priority for work"):
- risk = sum of the 7 risk ratings, None counted as 1 (precaution);
- protective = sum of the 4 protective ratings, None counted as 0 (no credit without evidence);
- net = risk - protective; strong = how many risk factors are rated 2;
- high if net >= 6 or strong >= 2; else medium if net >= 2 or strong == 1; else low.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

RULE_VERSION = "arms-priority-1"

# Order follows the domain table, so the working reads in the same order as the form.
RISK_FACTORS: tuple[str, ...] = (
    "sexual_preoccupation",
    "offence_related_sexual_interest",
    "opportunity_to_offend",
    "emotional_congruence_with_children",
    "hostile_orientation",
    "poor_self_management",
    "negative_social_influences",
)
PROTECTIVE_FACTORS: tuple[str, ...] = (
    "positive_routine",
    "social_investment",
    "commitment_to_desist",
    "positive_social_influences",
)
FACTOR_CODES: tuple[str, ...] = RISK_FACTORS + PROTECTIVE_FACTORS

FACTOR_NAMES: Mapping[str, str] = {
    "sexual_preoccupation": "Sexual preoccupation",
    "offence_related_sexual_interest": "Offence-related sexual interest",
    "opportunity_to_offend": "Opportunity to offend (access to potential victims)",
    "emotional_congruence_with_children": "Emotional congruence with children",
    "hostile_orientation": "Hostile orientation",
    "poor_self_management": "Poor self-management",
    "negative_social_influences": "Negative social influences",
    "positive_routine": "Positive routine",
    "social_investment": "Social investment",
    "commitment_to_desist": "Commitment to desist",
    "positive_social_influences": "Positive social influences",
}

RATING_LABELS: Mapping[int, str] = {0: "not present", 1: "some evidence", 2: "strong evidence"}

# Thresholds of arms-priority-1, named so the working and the tests can refer to them.
HIGH_NET = 6
HIGH_STRONG = 2
MEDIUM_NET = 2
MEDIUM_STRONG = 1


class Priority(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class PriorityResult:
    priority: Priority
    risk: int
    protective: int
    net: int
    strong: int
    working: tuple[str, ...]
    rule_version: str = RULE_VERSION


def factor_label(code: str) -> str:
    """Readable name of a factor code; falls back to the code itself made readable."""
    return FACTOR_NAMES.get(code, code.replace("_", " ").capitalize())


def _validated(ratings: Mapping[str, int | None]) -> dict[str, int | None]:
    if not isinstance(ratings, Mapping):
        raise ValueError(f"ratings must be a mapping of factor code to rating, got {ratings!r}")
    # Enum-valued keys (e.g. TextChoices) are accepted by their plain value.
    plain = {getattr(code, "value", code): rating for code, rating in ratings.items()}
    unknown = sorted(str(code) for code in plain if code not in FACTOR_CODES)
    if unknown:
        raise ValueError(f"Unknown ARMS factor code(s): {', '.join(unknown)}")
    missing = [code for code in FACTOR_CODES if code not in plain]
    if missing:
        raise ValueError(f"Missing rating for ARMS factor(s): {', '.join(missing)}")
    for code, rating in plain.items():
        # bool is a subclass of int: True must not pass for 1.
        valid = rating is None or (
            isinstance(rating, int) and not isinstance(rating, bool) and rating in RATING_LABELS
        )
        if not valid:
            raise ValueError(
                f"Rating for {code} ({factor_label(code)}) must be 0, 1, 2 or None "
                f"(insufficient information), got {rating!r}"
            )
    return plain


def _factor_line(code: str, rating: int | None, *, risk: bool) -> str:
    name = factor_label(code)
    if rating is None:
        if risk:
            return f"{name}: insufficient information → counted as 1 (precaution)"
        return f"{name}: insufficient information → counted as 0 (no credit without evidence)"
    kind = "risk" if risk else "protective"
    return f"{name}: {rating} ({RATING_LABELS[rating]}) → +{rating} {kind}"


def _decide(net: int, strong: int) -> tuple[Priority, list[str]]:
    if net >= HIGH_NET or strong >= HIGH_STRONG:
        reasons = []
        if net >= HIGH_NET:
            reasons.append(f"net {net} ≥ {HIGH_NET}")
        if strong >= HIGH_STRONG:
            reasons.append(f"strong {strong} ≥ {HIGH_STRONG}")
        return Priority.HIGH, [" and ".join(reasons) + " → high"]

    lines = [f"net {net} < {HIGH_NET} and strong {strong} < {HIGH_STRONG} → not high"]
    if net >= MEDIUM_NET or strong == MEDIUM_STRONG:
        reasons = []
        if net >= MEDIUM_NET:
            reasons.append(f"net {net} ≥ {MEDIUM_NET}")
        if strong == MEDIUM_STRONG:
            reasons.append(f"strong {strong} = {MEDIUM_STRONG}")
        return Priority.MEDIUM, [*lines, " and ".join(reasons) + " → medium"]

    return Priority.LOW, [*lines, f"net {net} < {MEDIUM_NET} and strong {strong} = 0 → low"]


def arms_priority(ratings: Mapping[str, int | None]) -> PriorityResult:
    """Derive the priority for work from the 11 factor ratings, with its working."""
    plain = _validated(ratings)
    working = [f"Rule {RULE_VERSION}"]

    risk = 0
    strong = 0
    for code in RISK_FACTORS:
        rating = plain[code]
        risk += 1 if rating is None else rating
        if rating == 2:
            strong += 1
        working.append(_factor_line(code, rating, risk=True))

    protective = 0
    for code in PROTECTIVE_FACTORS:
        rating = plain[code]
        protective += 0 if rating is None else rating
        working.append(_factor_line(code, rating, risk=False))

    net = risk - protective
    working += [
        f"risk = {risk}",
        f"protective = {protective}",
        f"net = {risk} − {protective} = {net}",
        f"strong (risk factors rated 2) = {strong}",
    ]
    priority, decision = _decide(net, strong)
    working += decision
    return PriorityResult(
        priority=priority,
        risk=risk,
        protective=protective,
        net=net,
        strong=strong,
        working=tuple(working),
    )
