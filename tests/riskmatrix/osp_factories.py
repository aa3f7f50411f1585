"""Helpers for OSP tests: a court history with OSP's types and dates, and confirmed answers."""

import datetime

from offenders.models import OffenceKind
from riskmatrix.osp_answers import OSP_INPUT_NAMES
from riskmatrix.osp_prefill import propose_osp_for_offender
from riskmatrix.services import osp_record
from tests.riskmatrix.factories import add_appearance

ASSESSED = datetime.date(2026, 1, 15)


def osp_history(offender):
    """Theft (2012), exposure (2015), images twice (2018, 2021) with a contact adult offence."""
    add_appearance(
        offender,
        datetime.date(2012, 5, 10),
        dict(description="Theft", kind=OffenceKind.OTHER, offence_date=datetime.date(2012, 3, 1)),
    )
    add_appearance(
        offender,
        datetime.date(2015, 11, 3),
        dict(
            description="Exposure",
            kind=OffenceKind.SEXUAL,
            contact=False,
            sexual_type="non_contact",
            offence_date=datetime.date(2015, 6, 1),
        ),
    )
    add_appearance(
        offender,
        datetime.date(2018, 2, 21),
        dict(
            description="Possession of indecent images",
            kind=OffenceKind.SEXUAL,
            contact=False,
            sexual_type="images",
            offence_date=datetime.date(2017, 9, 1),
        ),
    )
    add_appearance(
        offender,
        datetime.date(2021, 6, 2),
        dict(
            description="Sexual assault",
            kind=OffenceKind.SEXUAL,
            sexual_type="contact_adult",
            victim_stranger=True,
            offence_date=datetime.date(2020, 12, 1),
        ),
        dict(
            description="Making indecent images",
            kind=OffenceKind.SEXUAL,
            contact=False,
            sexual_type="images",
            offence_date=datetime.date(2020, 11, 1),
        ),
    )
    return offender


def osp_answers(offender, assessment_date=ASSESSED, **changes):
    proposal = propose_osp_for_offender(offender, assessment_date)
    return {name: proposal.value(name) for name in OSP_INPUT_NAMES} | changes


def score_osp(user, offender, assessment_date=ASSESSED, reasons=None, **changes):
    return osp_record(
        user=user,
        offender=offender,
        assessment_date=assessment_date,
        answers=osp_answers(offender, assessment_date, **changes),
        reasons=reasons,
    )
