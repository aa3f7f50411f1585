"""Demo formulations, plans and MAPPA meetings (synthetic). Runs after demo.assessments: it
writes a formulation for the latest assessment of DEMO-001 and a few North-team cases, and
creates none where no assessment exists yet. Safe to run again (it skips what is there)."""

import datetime

from django.utils import timezone

from accounts.models import Force, User
from assessments.models import Assessment
from formulations.models import AgendaItem, Formulation, MappaMeeting, PlanAction, PlanHeading
from formulations.selectors import offending_history_text
from offenders.models import Offender

DEMO_001_NARRATIVE = {
    "risk_drivers": (
        "His offending moved from exposure to strangers (2015) to contact offending and online "
        "sexual communication with a boy (2021). Both periods followed the loss of work and a "
        "relationship, when he spent long hours alone online. Sexual preoccupation and poor "
        "self-management are the active drivers; opportunity is raised by his use of gaming "
        "platforms where children are present."
    ),
    "risk_raisers": (
        "Losing his job at the warehouse; the end of his contact with his sister; a new "
        "relationship with a partner who has children; unmonitored devices; heavy drinking."
    ),
    "risk_reducers": (
        "Steady full-time work and a daily routine; his sister's support; completing the "
        "Horizon programme with Probation; keeping to the SHPO's device conditions."
    ),
}
GENERIC_NARRATIVE = {
    "risk_drivers": "Risk is driven mainly by isolation and poor self-management when under stress.",
    "risk_raisers": "Loss of accommodation or work; renewed contact with negative peers.",
    "risk_reducers": "Stable housing, work and regular contact with his family.",
}
# (heading, description, owner, days from today (negative: past), status, factor codes)
DEMO_001_ACTIONS = [
    (
        PlanHeading.SUPERVISION,
        "Unannounced home visits, varying day and time, including evenings.",
        "PC Olivia Officer",
        21,
        "open",
        ["poor_self_management", "positive_routine"],
    ),
    (
        PlanHeading.SUPERVISION,
        "Joint visit with his probation officer to review the safety plan.",
        "Probation",
        -14,
        "open",
        ["sexual_preoccupation"],
    ),
    (
        PlanHeading.MONITORING,
        "Examine his phone and laptop under the SHPO device conditions.",
        "MOSOVO digital examiner",
        7,
        "open",
        ["offence_related_sexual_interest", "opportunity_to_offend"],
    ),
    (
        PlanHeading.MONITORING,
        "Check ViSOR notifications against the gaming platform accounts disclosed.",
        "PC Olivia Officer",
        -40,
        "done",
        ["opportunity_to_offend"],
    ),
    (
        PlanHeading.INTERVENTIONS,
        "Referral to the Horizon programme.",
        "Probation",
        60,
        "open",
        ["sexual_preoccupation", "commitment_to_desist"],
    ),
    (
        PlanHeading.INTERVENTIONS,
        "Support to keep his warehouse job (employment mentor).",
        "Probation",
        90,
        "open",
        ["positive_routine", "social_investment"],
    ),
    (
        PlanHeading.VICTIM_SAFETY,
        "Confirm no contact with the 2021 victim's family; exclusion zone checks.",
        "Victim liaison officer",
        30,
        "open",
        [],
    ),
    (
        PlanHeading.CONTINGENCY,
        "If he loses his job or is seen with children: same-day visit and MAPPA review.",
        "Duty MOSOVO sergeant",
        180,
        "open",
        ["opportunity_to_offend"],
    ),
]
GENERIC_ACTIONS = [
    (
        PlanHeading.SUPERVISION,
        "Home visit at the interval set by the level of risk management.",
        "Offender manager",
        30,
        "open",
        ["poor_self_management"],
    ),
    (
        PlanHeading.MONITORING,
        "Review notification requirements and check the address.",
        "Offender manager",
        -10,
        "open",
        [],
    ),
    (
        PlanHeading.INTERVENTIONS,
        "Refer to the local employment and housing support service.",
        "Probation",
        75,
        "open",
        ["positive_routine"],
    ),
    (
        PlanHeading.CONTINGENCY,
        "Change of address or arrest: reassessment due at once.",
        "Offender manager",
        365,
        "open",
        [],
    ),
]
OTHER_CASES = 4


def _add_actions(formulation, actions, today):
    factors = {f.code: f for f in formulation.assessment.framework.factors.all()}
    for heading, description, owner, days, status, codes in actions:
        action = PlanAction.objects.create(
            formulation=formulation,
            heading=heading,
            description=description,
            owner=owner,
            due_date=today + datetime.timedelta(days=days),
            status=status,
        )
        action.factors.set([factors[c] for c in codes if c in factors])


def _formulation_for(offender, narrative, actions, today, assessment=None):
    assessment = assessment or (
        Assessment.objects.filter(offender=offender).order_by("-created_at", "-pk").first()
    )
    if assessment is None or Formulation.objects.filter(assessment=assessment).exists():
        return None
    user = offender.responsible_officer or assessment.created_by
    formulation = Formulation.objects.create(
        assessment=assessment,
        offending_history=offending_history_text(offender),
        created_by=user,
        updated_by=user,
        **narrative,
    )
    _add_actions(formulation, actions, today)
    return formulation


def _meetings(force, offenders, today, out):
    supervisor = User.objects.filter(username="supervisor").first()
    if supervisor is None or MappaMeeting.objects.filter(force=force).exists() or not offenders:
        return
    agencies = "Police (MOSOVO)\nProbation Service\nChildren's Social Care\nHousing"
    for days, agenda in ((-28, offenders[:2]), (14, offenders)):
        meeting = MappaMeeting.objects.create(
            force=force,
            date=today + datetime.timedelta(days=days),
            mappa_level=2,
            agencies=agencies,
            created_by=supervisor,
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, offender=o, position=n) for n, o in enumerate(agenda, 1)
        )
    out.write(f"  formulations: 2 MAPPA meetings, {len(offenders)} offenders on the next agenda\n")


def seed(out):
    force = Force.objects.filter(code="DEMO").first()
    if force is None:
        return
    today = timezone.localdate()
    made = 0
    demo = Offender.objects.filter(local_reference="DEMO-001").first()
    if demo:
        # The formulation taken to the last MAPPA meeting (locked with its countersigned
        # assessment), then the one being written with the current draft.
        last_signed = demo.arms_assessments.filter(status="countersigned").order_by(
            "-countersigned_at"
        )
        made += bool(
            _formulation_for(
                demo, DEMO_001_NARRATIVE, DEMO_001_ACTIONS, today, assessment=last_signed.first()
            )
        )
        made += bool(_formulation_for(demo, DEMO_001_NARRATIVE, DEMO_001_ACTIONS, today))
    others = list(
        Offender.objects.filter(
            team__force=force,
            team__name="North MOSOVO Unit",
            arms_assessments__isnull=False,
        )
        .exclude(local_reference="DEMO-001")
        .distinct()
        .order_by("local_reference")[:OTHER_CASES]
    )
    for offender in others:
        if _formulation_for(offender, GENERIC_NARRATIVE, GENERIC_ACTIONS, today):
            made += 1
    if made:
        out.write(f"  formulations: {made} case formulations with plans\n")
    with_formulations = [
        o
        for o in ([demo] if demo else []) + others
        if Formulation.objects.filter(assessment__offender=o).exists()
    ]
    _meetings(force, with_formulations, today, out)
