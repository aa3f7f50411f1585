"""One force and team whose offender has one of everything, and the people who must not touch it.

Shared by the outsider walk (``tests/test_outsider_walk.py``) and the service refusals
(``tests/test_service_outsiders.py``). Objects are built lazily: each property builds its object
(and what it depends on) the first time it is read, through the real services where that is
cheap, so a test pays only for what it uses.

People (usernames start ``w-`` so they never collide with ``tests/conftest.py``):

- ``owner``: officer of team A, responsible for ``offender``.
- ``colleague``: supervisor of team A.
- ``force_admin``: force administrator of force 1.
- ``read_only``: read-only member of team A (sees the offender, may change nothing).
- outsiders, see ``OUTSIDERS``: officers, supervisors and a force administrator of force 2,
  and an officer and a supervisor of team B of force 1.
"""

from __future__ import annotations

import datetime
from functools import cached_property

from django.utils import timezone

from accounts.models import Role
from tests.factories import (
    CourtAppearanceFactory,
    ForceFactory,
    OffenceFactory,
    OffenderFactory,
    TeamFactory,
    UserFactory,
)

LEVELS = ("low", "medium", "high", "very_high")

# name -> (role, where): "force2" is a team of the other force, "force2-admin" the other force
# without a team, "teamB" another team of the same force.
OUTSIDERS = {
    "other_force_officer": (Role.OFFICER, "force2"),
    "other_force_supervisor": (Role.SUPERVISOR, "force2"),
    "other_force_admin": (Role.FORCE_ADMIN, "force2-admin"),
    "other_team_officer": (Role.OFFICER, "teamB"),
    "other_team_supervisor": (Role.SUPERVISOR, "teamB"),
}


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class World:
    """Force 1 / team A with an offender, and the outsiders. See the module docstring."""

    def __init__(self):
        self.force = ForceFactory(name="Walk Force One", code="WLK1")
        self.team = TeamFactory(force=self.force, name="Walk Team A")
        self.other_team = TeamFactory(force=self.force, name="Walk Team B")
        self.other_force = ForceFactory(name="Walk Force Two", code="WLK2")
        self.foreign_team = TeamFactory(force=self.other_force, name="Walk Team X")

        self.owner = self._user("w-owner", Role.OFFICER, team=self.team)
        self.colleague = self._user("w-super", Role.SUPERVISOR, team=self.team)
        self.force_admin = self._user("w-fadmin", Role.FORCE_ADMIN, force=self.force)
        self.read_only = self._user("w-reader", Role.READ_ONLY, team=self.team)
        self.outsiders = {}
        for name, (role, where) in OUTSIDERS.items():
            if where == "force2":
                user = self._user(f"w-{name}", role, team=self.foreign_team)
            elif where == "force2-admin":
                user = self._user(f"w-{name}", role, force=self.other_force)
            else:
                user = self._user(f"w-{name}", role, team=self.other_team)
            self.outsiders[name] = user

        self.offender = OffenderFactory(
            team=self.team, responsible_officer=self.owner, local_reference="TEST-W001"
        )

    @staticmethod
    def _user(username, role, *, team=None, force=None):
        return UserFactory(username=username, role=role, team=team, force=force or team.force)

    def person(self, name: str):
        """A user by persona name: an outsider's name, or owner/colleague/force_admin/read_only."""
        if name in self.outsiders:
            return self.outsiders[name]
        return getattr(self, name)

    def describe(self, name: str) -> str:
        user = self.person(name)
        teams = ", ".join(t.name for t in user.teams.all()) or "no team"
        return f"{name} ({user.role} of {user.force}, {teams})"

    # --- the offender's record ------------------------------------------------------------

    @cached_property
    def appearance(self):
        """The court history RM2000 needs: an old theft and a sexual offence (2015, 2021)."""
        first = CourtAppearanceFactory(
            offender=self.offender, sentencing_date=datetime.date(2015, 11, 3)
        )
        OffenceFactory(
            appearance=first,
            description="Exposure",
            kind="sexual",
            contact=False,
            sexual_type="non_contact",
        )
        later = CourtAppearanceFactory(
            offender=self.offender, sentencing_date=datetime.date(2021, 6, 2)
        )
        OffenceFactory(
            appearance=later,
            description="Sexual assault",
            kind="sexual",
            sexual_type="contact_adult",
        )
        return first

    @cached_property
    def rm2000_assessed(self) -> datetime.date:
        return datetime.date(2026, 1, 15)

    def rm2000_answers(self) -> dict:
        from riskmatrix.answers import INPUT_NAMES
        from riskmatrix.prefill import propose_for_offender

        self.appearance  # noqa: B018 - RM2000 needs the court history
        proposal = propose_for_offender(self.offender, self.rm2000_assessed)
        answers = {name: proposal.value(name) for name in INPUT_NAMES}
        answers["never_married"] = False
        answers["sexual_offence_at_16"] = True
        return answers

    @cached_property
    def rm2000_record(self):
        from riskmatrix.services import rm2000_record

        return rm2000_record(
            user=self.owner,
            offender=self.offender,
            assessment_date=self.rm2000_assessed,
            answers=self.rm2000_answers(),
        )

    def osp_answers(self) -> dict:
        from riskmatrix.osp_answers import OSP_INPUT_NAMES
        from riskmatrix.osp_prefill import propose_osp_for_offender

        self.appearance  # noqa: B018 - OSP needs the court history
        proposal = propose_osp_for_offender(self.offender, self.rm2000_assessed)
        return {name: proposal.value(name) for name in OSP_INPUT_NAMES}

    @cached_property
    def osp_record(self):
        from riskmatrix.services import osp_record

        return osp_record(
            user=self.owner,
            offender=self.offender,
            assessment_date=self.rm2000_assessed,
            answers=self.osp_answers(),
        )

    # --- assessments ----------------------------------------------------------------------

    def _countersigned(self, priority="medium", on=None):
        from assessments.models import Assessment, AssessmentStatus, FrameworkVersion

        at = timezone.make_aware(
            datetime.datetime.combine(on or timezone.localdate(), datetime.time(10))
        )
        return Assessment.objects.create(
            offender=self.offender,
            framework=FrameworkVersion.objects.order_by("-number").first(),
            status=AssessmentStatus.COUNTERSIGNED,
            created_by=self.owner,
            submitted_by=self.owner,
            submitted_at=at,
            countersigned_by=self.colleague,
            countersigned_at=at,
            derived_priority=priority,
            final_priority=priority,
            rule_version="arms-priority-1",
        )

    @cached_property
    def countersigned_undecided(self):
        """A countersigned assessment whose level has not been decided yet."""
        return self._countersigned()

    @cached_property
    def draft(self):
        """A draft ARMS assessment started by the owner (one rating row per factor)."""
        from assessments.services import assessment_start

        assessment, _ = assessment_start(user=self.owner, offender=self.offender)
        return assessment

    @cached_property
    def factor(self):
        return self.draft.ratings.select_related("factor").order_by("factor__order").first().factor

    @cached_property
    def rated_draft(self):
        from tests.assessments.factories import rate_all

        return rate_all(self.draft, self.owner)

    @cached_property
    def submitted(self):
        from assessments.services import assessment_submit

        assessment = self.rated_draft
        return assessment_submit(
            user=self.owner, assessment=assessment, expected_version=assessment.version
        )

    @cached_property
    def framework(self):
        from assessments.models import FrameworkVersion

        return FrameworkVersion.objects.order_by("-number").first()

    # --- formulation and plan ---------------------------------------------------------------

    @cached_property
    def formulation(self):
        """The draft in progress; the countersigned one (what the PDF exports) is made first."""
        from formulations.services import formulation_start

        self.countersigned_formulation  # noqa: B018
        return formulation_start(user=self.owner, assessment=self.draft)

    @cached_property
    def countersigned_formulation(self):
        from formulations.models import Formulation

        return Formulation.objects.create(
            assessment=self.countersigned_undecided,
            offending_history="Two court appearances, 2015 and 2021.",
            risk_drivers="Isolation.",
            created_by=self.owner,
            updated_by=self.owner,
        )

    @cached_property
    def action(self):
        from formulations.models import PlanAction

        return PlanAction.objects.create(
            formulation=self.formulation,
            heading="supervision",
            description="Unannounced home visit, evening.",
            owner="MOSOVO officer",
            due_date=datetime.date(2030, 1, 1),
        )

    # --- level of risk management and engagements -------------------------------------------

    @cached_property
    def decision(self):
        """The level decision in force (medium), from a countersigned assessment."""
        from engagements.services import level_decision_on_countersign

        assessment = self._countersigned()
        return level_decision_on_countersign(
            user=self.colleague, assessment=assessment, rm2000_category="medium"
        )

    @cached_property
    def decided_offender(self):
        """The offender with a level in force (a visit interval needs one)."""
        self.decision  # noqa: B018
        return self.offender

    def override_level(self, decision) -> str:
        rank = LEVELS.index(decision.derived_level)
        return LEVELS[rank + 1] if rank + 1 < len(LEVELS) else LEVELS[rank - 1]

    @cached_property
    def decision_requested(self):
        """The decision in force with an override requested by the owner."""
        from engagements.services import level_override_request

        decision = self.decision
        return level_override_request(
            user=self.owner,
            decision=decision,
            level=self.override_level(decision),
            rationale="Recent intelligence suggests the risk has changed",
        )

    @cached_property
    def low_for_years(self):
        """The offender Low for four years (eligible for reactive management); returns it."""
        from engagements.services import level_decision_on_countersign

        on = _years_before(timezone.localdate(), 4)
        assessment = self._countersigned(priority="low", on=on)
        level_decision_on_countersign(
            user=self.colleague, assessment=assessment, rm2000_category="low", today=on
        )
        return self.offender

    @cached_property
    def episode(self):
        """Reactive management proposed by the owner, awaiting a supervisor."""
        from engagements.models import ReactiveManagement

        return ReactiveManagement.objects.create(
            offender=self.offender,
            criteria=[],
            no_civil_order=True,
            rationale="Settled, no concerns",
            proposed_by=self.owner,
        )

    @cached_property
    def planned_visit(self):
        from engagements.services import visit_plan

        return visit_plan(
            user=self.owner,
            offender=self.offender,
            planned_for=timezone.now() + datetime.timedelta(days=7),
            kind="home_visit",
        )

    @cached_property
    def frequency(self):
        from engagements.services import visit_frequency_set

        self.decision  # noqa: B018 - an interval needs a level
        return visit_frequency_set(
            user=self.owner,
            offender=self.offender,
            interval_months=3,
            rationale="Settled at home: quarterly visits suffice",
        )

    # --- the register ----------------------------------------------------------------------

    @cached_property
    def registration(self):
        """Imprisonment for 24 months on 1 March 2024: on the register for 10 years."""
        from register.services import registration_record

        return registration_record(
            user=self.owner,
            offender=self.offender,
            relevant_date=datetime.date(2024, 3, 1),
            disposal="imprisonment",
            custody_months=24,
            first_notified_on=datetime.date(2024, 3, 4),
        )

    @cached_property
    def civil_order(self):
        """An SRO until further order with one prohibition (written directly: no side effects)."""
        from register.models import CivilOrder, OrderProhibition

        order = CivilOrder.objects.create(
            offender=self.offender,
            kind="sro",
            court="Walk Magistrates' Court",
            made_on=datetime.date(2025, 1, 6),
            until_further_order=True,
            rules_version="register-1",
            recorded_by=self.owner,
        )
        OrderProhibition.objects.create(order=order, position=1, text="No contact with children")
        return order

    @cached_property
    def prohibition(self):
        return self.civil_order.prohibitions.get()

    @cached_property
    def breach(self):
        """An open suspected breach (written directly, so no change of circumstances follows)."""
        from register.models import SuspectedBreach

        return SuspectedBreach.objects.create(
            offender=self.offender,
            breach_of="notification",
            what="Did not notify a new address",
            found_on=datetime.date(2026, 1, 5),
            recorded_by=self.owner,
        )

    # --- MAPPA meetings ---------------------------------------------------------------------

    @cached_property
    def meeting(self):
        from formulations.models import AgendaItem, MappaMeeting

        meeting = MappaMeeting.objects.create(
            force=self.force,
            date=datetime.date(2030, 2, 1),
            mappa_level=2,
            agencies="Police\nProbation",
            created_by=self.colleague,
        )
        AgendaItem.objects.create(meeting=meeting, offender=self.offender, position=1)
        return meeting

    @cached_property
    def export(self):
        """A finished pack of ``meeting`` (the PDF bytes are a stand-in)."""
        from formulations.models import PackExport

        return PackExport.objects.create(
            meeting=self.meeting,
            status="done",
            total=1,
            done_count=1,
            pdf=b"%PDF-1.4 outsider walk stand-in",
            requested_by=self.colleague,
            started_at=timezone.now(),
            finished_at=timezone.now(),
        )
