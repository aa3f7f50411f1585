"""Helpers for riskmatrix tests: a court history like DEMO-001's, and confirmed answers."""

import datetime

from offenders.models import OffenceKind
from riskmatrix.answers import INPUT_NAMES
from riskmatrix.prefill import propose_for_offender
from riskmatrix.services import rm2000_record
from tests.factories import CourtAppearanceFactory, OffenceFactory

ASSESSED = datetime.date(2026, 1, 15)


def add_appearance(offender, date, *offences):
    appearance = CourtAppearanceFactory(offender=offender, sentencing_date=date)
    for offence in offences:
        OffenceFactory(appearance=appearance, **offence)
    return appearance


def worked_history(offender):
    """Four sentencing occasions: theft, exposure, assault (male victim), two sexual offences."""
    add_appearance(
        offender, datetime.date(2012, 5, 10), dict(description="Theft", kind=OffenceKind.OTHER)
    )
    add_appearance(
        offender,
        datetime.date(2015, 11, 3),
        dict(description="Exposure", kind=OffenceKind.SEXUAL, contact=False, victim_stranger=True),
    )
    add_appearance(
        offender,
        datetime.date(2018, 2, 21),
        dict(description="Assault by beating", kind=OffenceKind.VIOLENT, victim_male=True),
    )
    add_appearance(
        offender,
        datetime.date(2021, 6, 2),
        dict(description="Sexual assault", kind=OffenceKind.SEXUAL, victim_stranger=True),
        dict(
            description="Sexual communication with a child",
            kind=OffenceKind.SEXUAL,
            contact=False,
            victim_male=True,
        ),
    )
    return offender


def confirmed_answers(offender, assessment_date=ASSESSED, never_married=False, **changes):
    """The proposal accepted as it stands, with the never-married answer and any changes."""
    proposal = propose_for_offender(offender, assessment_date)
    answers = {name: proposal.value(name) for name in INPUT_NAMES}
    answers["never_married"] = never_married
    answers["sexual_offence_at_16"] = True  # the officer confirms when the dates cannot say
    return answers | changes


def score(user, offender, assessment_date=ASSESSED, reasons=None, **changes):
    return rm2000_record(
        user=user,
        offender=offender,
        assessment_date=assessment_date,
        answers=confirmed_answers(offender, assessment_date, **changes),
        reasons=reasons,
    )
