"""Provisional eligibility for reactive management (docs/domain.md, "Reactive management").

Pure (stdlib only, no Django, no clock). The service gathers the facts; this says, criterion by
criterion, whether each one passes and why, so the page can show the officer the working.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from arms_site.lib.dates import years_before

YEARS = 3


@dataclass(frozen=True)
class Facts:
    today: datetime.date
    current_level: str | None  # "low", "medium"...; None when no level was ever decided
    low_since: datetime.date | None  # start of the unbroken run of Low decisions up to today
    last_offence_on: datetime.date | None
    no_civil_order: bool  # confirmed by the officer
    last_adverse_intelligence_on: datetime.date | None  # arrest or intelligence


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    passed: bool
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


def _fmt(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def reactive_criteria(facts: Facts) -> list[Criterion]:
    cutoff = years_before(facts.today, YEARS)
    low = facts.current_level == "low" and facts.low_since is not None
    low_long = low and facts.low_since <= cutoff
    if not low:
        low_detail = "The current level of risk management is not Low"
    elif low_long:
        low_detail = f"Low since {_fmt(facts.low_since)}"
    else:
        low_detail = f"Low only since {_fmt(facts.low_since)} (needs {_fmt(cutoff)} or earlier)"

    offence = facts.last_offence_on
    no_offence = offence is None or offence <= cutoff
    offence_detail = (
        "No offence recorded"
        if offence is None
        else f"Last offence or conviction on {_fmt(offence)}"
    )
    intel = facts.last_adverse_intelligence_on
    no_intel = intel is None or intel <= cutoff
    intel_detail = (
        "No arrest or adverse intelligence recorded"
        if intel is None
        else f"Last arrest or adverse intelligence on {_fmt(intel)}"
    )
    return [
        Criterion("low_3_years", f"Low for at least {YEARS} years", low_long, low_detail),
        Criterion("no_offence", f"No offence for {YEARS} years", no_offence, offence_detail),
        Criterion(
            "no_civil_order",
            "No civil order in force",
            facts.no_civil_order,
            "Confirmed by the officer"
            if facts.no_civil_order
            else "Not confirmed: check for a sexual harm prevention or risk order",
        ),
        Criterion(
            "no_adverse_intelligence",
            f"No adverse intelligence for {YEARS} years",
            no_intel,
            intel_detail,
        ),
    ]


def is_eligible(criteria: list[Criterion]) -> bool:
    return all(criterion.passed for criterion in criteria)
