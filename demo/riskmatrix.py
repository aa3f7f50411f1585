"""Demo RM2000 scores, made through the real service so every stored figure is real output.

DEMO-001 gets two scores: one at release in 2024 (never married at the time) and a current one
from 2025 after he married, which supersedes it. Most other eligible demo offenders get one
score; every fourth is left unscored so the "start an assessment" path can be shown too.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from demo.offenders import REFERENCE_DATE
from offenders.models import Offender
from riskmatrix.answers import INPUT_NAMES
from riskmatrix.models import ActuarialRecord
from riskmatrix.prefill import offender_not_applicable_reason, propose_for_offender
from riskmatrix.services import rm2000_record


def _at(date: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, 0)))


def _score(offender, user, assessment_date, never_married):
    """Accept every proposal, answer never-married, and score as ``user`` on that date."""
    proposal = propose_for_offender(offender, assessment_date)
    answers = {name: proposal.value(name) for name in INPUT_NAMES}
    answers["never_married"] = never_married
    answers["sexual_offence_at_16"] = True  # the officer confirms where the dates cannot say
    return rm2000_record(
        user=user,
        offender=offender,
        assessment_date=assessment_date,
        answers=answers,
        now=_at(assessment_date),
    )


def seed_demo_001():
    offender = Offender.objects.filter(local_reference="DEMO-001").first()
    if (
        offender is None
        or ActuarialRecord.objects.filter(offender=offender, tool="rm2000").exists()
    ):
        return 0
    officer = offender.responsible_officer
    _score(offender, officer, datetime.date(2024, 10, 1), never_married=True)
    _score(offender, officer, datetime.date(2025, 10, 6), never_married=False)
    return 2


def seed_caseload():
    created = 0
    eligible = 0
    offenders = (
        Offender.objects.filter(local_reference__startswith="DEMO-")
        .exclude(local_reference="DEMO-001")
        .select_related("responsible_officer")
        .order_by("local_reference")
    )
    for offender in offenders:
        number = int(offender.local_reference.split("-")[1])
        assessed = REFERENCE_DATE - datetime.timedelta(days=20 + 11 * number)
        if offender.responsible_officer is None:
            continue
        if offender_not_applicable_reason(offender, assessed):
            continue
        eligible += 1
        scored = ActuarialRecord.objects.filter(offender=offender, tool="rm2000").exists()
        if eligible % 4 == 0 or scored:
            continue  # left unscored on purpose, or already seeded
        try:
            _score(offender, offender.responsible_officer, assessed, never_married=number % 3 == 0)
        except ValidationError:
            continue  # the record cannot be scored as it stands; the demo shows it unscored
        created += 1
    return created


def seed(out):
    created = seed_demo_001() + seed_caseload()
    total = ActuarialRecord.objects.filter(tool="rm2000").count()
    out.write(f"Risk Matrix 2000: {created} scores added ({total} in all).")
