"""RM2000's "single: never married" from the relationship history on the record. Pure: plain
values in, no Django, no clock.

The rule (provisional, see the README's "Risk Matrix 2000: never married"): a marriage or civil
partnership that began on or before the date counts as married; so does living with a partner
for two years or more by that date. Otherwise the offender has never married. With no
relationship history recorded at all, the record cannot say (``value`` None): the officer asks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from arms_site.lib.dates import gov_date, years_after

RULES_VERSION = "never-married-provisional-1"
COHABITATION_YEARS = 2
MARRIED_KINDS = {"marriage": "married", "civil_partnership": "in a civil partnership"}
COHABITATION = "cohabitation"


@dataclass(frozen=True)
class RelationshipFact:
    kind: str  # "marriage", "civil_partnership" or "cohabitation"
    start: datetime.date
    end: datetime.date | None = None


@dataclass(frozen=True)
class NeverMarried:
    value: bool | None
    working: str
    rules_version: str = RULES_VERSION


def _check(facts: list[RelationshipFact]) -> None:
    for fact in facts:
        if fact.kind not in MARRIED_KINDS and fact.kind != COHABITATION:
            raise ValueError(f"Unknown kind of relationship: {fact.kind!r}")
        if fact.end is not None and fact.end < fact.start:
            raise ValueError(f"A relationship cannot end before it starts: {fact!r}")


def never_married(relationships: Iterable[RelationshipFact], *, on: datetime.date) -> NeverMarried:
    """Whether the offender counts as never married on ``on``, with the working."""
    facts = sorted(relationships, key=lambda f: f.start)
    _check(facts)
    if not facts:
        return NeverMarried(
            None, "No relationship history is recorded: ask the offender or check the case file"
        )
    known = [f for f in facts if f.start <= on]
    for fact in known:
        if fact.kind in MARRIED_KINDS:
            return NeverMarried(
                False, f"No: {MARRIED_KINDS[fact.kind]} from {gov_date(fact.start, short=True)}"
            )
    for fact in known:
        until = min(fact.end or on, on)
        if years_after(fact.start, COHABITATION_YEARS) <= until:
            return NeverMarried(
                False,
                f"No: lived with a partner from {gov_date(fact.start, short=True)} to "
                f"{gov_date(until, short=True) if fact.end and fact.end <= on else 'now'}, "
                f"{COHABITATION_YEARS} years or more, which counts as married (provisional rule)",
            )
    shorter = len(known)
    return NeverMarried(
        True,
        f"Yes: no marriage or civil partnership recorded by {gov_date(on, short=True)}"
        + (
            f", and {'the' if shorter == 1 else 'each'} cohabitation recorded lasted under "
            f"{COHABITATION_YEARS} years"
            if shorter
            else ""
        ),
    )
