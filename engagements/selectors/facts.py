"""The facts for reactive-management eligibility, gathered for the pure rule in ``reactive``."""

from __future__ import annotations

import datetime

from django.db.models import Max

from offenders.models import CourtAppearance, Offence

from ..models import ADVERSE_KINDS, ChangeOfCircumstances, LevelDecision
from ..reactive import Criterion, Facts, reactive_criteria


def _low_since(offender) -> tuple[str | None, datetime.date | None]:
    """The current level and the start of the unbroken run of Low decisions leading to it."""
    decisions = list(
        LevelDecision.objects.filter(offender=offender).order_by("-effective_date", "-pk")
    )
    if not decisions:
        return None, None
    current = decisions[0]
    since = None
    for decision in decisions:
        if decision.final_level != "low":
            break
        low_from_start = decision.derived_level == "low"
        since = decision.effective_date if low_from_start else decision.level_took_effect
    return current.final_level, since


def reactive_facts(offender, *, today: datetime.date, no_civil_order: bool) -> list[Criterion]:
    """Gather the facts for the eligibility rule and return its criteria with pass/fail."""
    level, low_since = _low_since(offender)
    last_sentence = CourtAppearance.objects.filter(offender=offender).aggregate(
        last=Max("sentencing_date")
    )["last"]
    last_offence = Offence.objects.filter(appearance__offender=offender).aggregate(
        last=Max("offence_date")
    )["last"]
    offence_dates = [d for d in (last_sentence, last_offence) if d]
    adverse = ChangeOfCircumstances.objects.filter(
        offender=offender, kind__in=ADVERSE_KINDS
    ).aggregate(last=Max("occurred_on"))["last"]
    facts = Facts(
        today=today,
        current_level=level,
        low_since=low_since,
        last_offence_on=max(offence_dates) if offence_dates else None,
        no_civil_order=no_civil_order,
        last_adverse_intelligence_on=adverse,
    )
    return reactive_criteria(facts)
