"""RM2000 for the scale data set: the pure proposal and scorer, stored as the service would."""

from __future__ import annotations

import datetime

from offenders.models import OffenceKind
from riskmatrix.answers import INPUT_NAMES, score
from riskmatrix.prefill import not_applicable_reason, propose


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def rm2000_fields(p, assessment_date: datetime.date, *, never_married: bool) -> dict | None:
    """The ``ActuarialRecord`` fields for person ``p`` scored on ``assessment_date`` with every
    proposal accepted, or None where RM2000 does not apply (female, under 18, no sexual
    conviction by then) or cannot be scored."""
    facts = [a.fact() for a in p.appearances]
    has_sexual = any(
        o.kind == OffenceKind.SEXUAL
        for a in facts
        if a.sentencing_date <= assessment_date
        for o in a.offences
    )
    if not_applicable_reason(
        sex=p.sex,
        date_of_birth=p.born,
        assessment_date=assessment_date,
        has_sexual_conviction=has_sexual,
    ):
        return None
    proposal = propose(
        date_of_birth=p.born,
        last_release_date=p.released,
        appearances=facts,
        assessment_date=assessment_date,
    )
    answers = {name: proposal.value(name) for name in INPUT_NAMES}
    answers["never_married"] = never_married
    try:
        s, v, c = score(answers)
    except ValueError:  # outside the scorer's range: leave unscored, as an officer would
        return None
    return {
        "proposed": proposal.as_json(),
        "inputs": {name: _plain(answers[name]) for name in INPUT_NAMES},
        "corrections": {},
        "points": {
            "s": [list(item) for item in s.items],
            "s_factors": [list(factor) for factor in s.factors],
            "v": [list(item) for item in v.items],
        },
        "working": {"s": list(s.working), "v": list(v.working), "c": list(c.working)},
        "s_points": s.points,
        "s_step1_category": s.step1_category,
        "s_aggravating": s.aggravating,
        "s_category": s.category,
        "v_points": v.points,
        "v_category": v.category,
        "c_points": c.points,
        "c_category": c.category,
        "rules_version": s.rules_version,
        "c_table_version": c.table_version,
        "c_table_provisional": c.provisional,
    }
