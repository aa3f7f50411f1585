"""OSP in the demo: DEMO-001 scored (the reduction not applied, and why), DEMO-041 (the
reduction applied) and DEMO-042 (indecent images only: OSP/IIC High, OSP/DC Low), each scored by
its officer through the service with every proposal accepted."""

import datetime

from django.utils import timezone

from offenders.models import NotificationPeriod, OffenceKind, Offender, Sex, SexualOffenceType
from riskmatrix.models import ActuarialRecord, Tool
from riskmatrix.osp_answers import OSP_INPUT_NAMES
from riskmatrix.osp_prefill import propose_osp_for_offender
from riskmatrix.services import osp_record

from .offenders import _add_appearance, demo_pnc

SCORED_ON = datetime.date(2025, 10, 6)  # beside DEMO-001's current RM2000 score

# Two cases that show OSP's rules: (reference, names, born, community sentence start, appearances).
OSP_CASES = [
    (  # OSP/DC High reduced to Medium: five years offence-free in the community
        "DEMO-041",
        ("Reduction", "Robert Arthur"),
        datetime.date(1970, 5, 5),
        datetime.date(2016, 3, 1),
        [
            (
                datetime.date(2010, 1, 12),
                "Community order",
                False,
                [dict(description="Theft", kind=OffenceKind.OTHER)],
            ),
            (
                datetime.date(2016, 2, 15),
                "Community order with a sex offender treatment requirement",
                False,
                [
                    dict(
                        description="Sexual assault",
                        kind=OffenceKind.SEXUAL,
                        sexual_type=SexualOffenceType.CONTACT_ADULT,
                        offence_date=datetime.date(2015, 9, 10),
                        victim_stranger=True,
                    )
                ],
            ),
        ],
    ),
    (  # images only: OSP/IIC High, OSP/DC Low
        "DEMO-042",
        ("Imagesonly", "Ian Peter"),
        datetime.date(1960, 8, 20),
        datetime.date(2023, 6, 12),
        [
            (
                datetime.date(2019, 4, 10),
                "Suspended sentence order",
                False,
                [
                    dict(
                        description="Making indecent images of children",
                        kind=OffenceKind.SEXUAL,
                        contact=False,
                        sexual_type=SexualOffenceType.IMAGES,
                        offence_date=datetime.date(2018, 11, 1),
                    )
                ],
            ),
            (
                datetime.date(2023, 6, 12),
                "Community order",
                False,
                [
                    dict(
                        description="Possession of indecent images of children",
                        kind=OffenceKind.SEXUAL,
                        contact=False,
                        sexual_type=SexualOffenceType.IMAGES,
                        offence_date=datetime.date(2023, 1, 15),
                    )
                ],
            ),
        ],
    ),
]


def seed_osp_cases(team, officer):
    for reference, (surname, forenames), born, community, appearances in OSP_CASES:
        if Offender.objects.filter(local_reference=reference).exists():
            continue
        offender = Offender.objects.create(
            surname=surname,
            forenames=forenames,
            date_of_birth=born,
            sex=Sex.MALE,
            pnc_id=demo_pnc(int(reference[-3:])),
            local_reference=reference,
            registration_start=appearances[-1][0],
            notification_period=NotificationPeriod.FIVE_YEARS,
            community_sentence_start=community,
            team=team,
            responsible_officer=officer,
        )
        for date, disposal, custodial, offences in appearances:
            _add_appearance(offender, date, "Demoton Crown Court", disposal, custodial, offences)


def _score(offender, assessment_date=SCORED_ON):
    proposal = propose_osp_for_offender(offender, assessment_date)
    answers = {name: proposal.value(name) for name in OSP_INPUT_NAMES}
    at = timezone.make_aware(datetime.datetime.combine(assessment_date, datetime.time(11)))
    return osp_record(
        user=offender.responsible_officer,
        offender=offender,
        assessment_date=assessment_date,
        answers=answers,
        now=at,
    )


def seed(out):
    created = 0
    for reference in ("DEMO-001", "DEMO-041", "DEMO-042"):
        offender = Offender.objects.filter(local_reference=reference).first()
        if (
            offender is None
            or ActuarialRecord.objects.filter(offender=offender, tool=Tool.OSP).exists()
        ):
            continue
        _score(offender)
        created += 1
    out.write(f"OSP: {created} scores added.")
