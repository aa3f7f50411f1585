"""RM2000 and OSP for the scale data set: the pure proposals and scorers, stored as the services
would."""

from __future__ import annotations

import datetime
from decimal import Decimal

from offenders.models import OffenceKind
from riskmatrix.answers import INPUT_NAMES, score
from riskmatrix.osp_answers import OSP_INPUT_NAMES, osp_score
from riskmatrix.osp_prefill import osp_not_applicable_reason, propose_osp
from riskmatrix.prefill import not_applicable_reason, propose
from riskmatrix.scoring import NotApplicable


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


def osp_fields(p, assessment_date: datetime.date) -> dict | None:
    """The ``ActuarialRecord`` fields of OSP (OSP/DC and OSP/IIC) for person ``p`` with every
    proposal accepted, scored by the pure scorer; None where OSP does not apply."""
    facts = [a.fact() for a in p.appearances]
    has_sexual = any(
        o.kind == OffenceKind.SEXUAL
        for a in facts
        if a.sentencing_date <= assessment_date
        for o in a.offences
    )
    if osp_not_applicable_reason(
        sex=p.sex,
        date_of_birth=p.born,
        assessment_date=assessment_date,
        has_sexual_conviction=has_sexual,
    ):
        return None
    proposal = propose_osp(
        sex=p.sex,
        status=p.status,
        last_release_date=p.released,
        community_sentence_start=None,
        appearances=facts,
        assessment_date=assessment_date,
    )
    answers = {name: proposal.value(name) for name in OSP_INPUT_NAMES}
    try:
        dc, iic = osp_score(answers, date_of_birth=p.born, assessment_date=assessment_date)
    except (NotApplicable, ValueError):  # e.g. more typed counts than sanctions: left unscored
        return None
    return {
        "proposed": proposal.as_json(),
        "inputs": {name: _plain(answers[name]) for name in OSP_INPUT_NAMES},
        "corrections": {},
        "points": {"dc": [[label, _plain(value), pts] for label, value, pts in dc.items]},
        "working": {"dc": list(dc.working), "iic": list(iic.working)},
        "dc_points": dc.points,
        "dc_band": dc.band,
        "dc_band_before_reduction": dc.band_before_reduction,
        "dc_percentage": Decimal(str(dc.percentage)),
        "dc_reduced": dc.reduced,
        "dc_reduction": next(w for w in dc.working if w.startswith("Time offence-free")),
        "iic_band": iic.band,
        "iic_percentage": Decimal(str(iic.percentage)),
        "iic_row": iic.row,
        "rules_version": dc.rules_version,
    }
