"""Reads for formulations and MAPPA meetings. Callers have resolved the offender (or meeting)
through ``formulations.access`` first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from arms_site.lib.dates import gov_date
from assessments.models import Assessment, AssessmentStatus
from offenders.access import visible_offenders

from .models import ActionStatus, Formulation, PackExport, PlanAction, PlanHeading


def latest_assessment(offender) -> Assessment | None:
    return Assessment.objects.filter(offender=offender).order_by("-created_at", "-pk").first()


@dataclass(frozen=True)
class FormulationVersions:
    """The offender's formulations a page shows, from one query (``formulation_versions``)."""

    latest: Formulation | None  # of the most recent assessment that has one
    countersigned: Formulation | None  # of the latest countersigned assessment: what a meeting
    # is shown (domain notes); never a draft
    draft: Formulation | None  # being written with the assessment in progress (at most one)

    @property
    def working(self) -> Formulation | None:
        """The plan being worked to: the draft's, else the latest formulation's."""
        return self.draft or self.latest


def formulation_versions(offender) -> FormulationVersions:
    """The latest, the countersigned and the draft formulation at once: an offender has one
    formulation per assessment (a handful), so one query fetches them all and the three orders
    are applied here."""
    found = list(
        Formulation.objects.filter(assessment__offender=offender)
        .select_related("assessment__countersigned_by", "updated_by")
        .order_by()  # ordered below, in Python
    )
    for formulation in found:
        formulation.assessment.offender = offender  # the caller's: not a second copy of the row

    def newest(candidates, moment):
        return max(candidates, key=lambda f: (moment(f.assessment), f.assessment.pk), default=None)

    signed = [f for f in found if f.assessment.status == AssessmentStatus.COUNTERSIGNED]
    return FormulationVersions(
        latest=newest(found, lambda a: a.created_at),
        # a countersigned assessment always has its moment (a database constraint)
        countersigned=newest(signed, lambda a: a.countersigned_at),
        draft=newest([f for f in found if f not in signed], lambda a: a.created_at),
    )


def latest_formulation(offender) -> Formulation | None:
    return formulation_versions(offender).latest


def countersigned_formulation(offender) -> Formulation | None:
    return formulation_versions(offender).countersigned


def draft_formulation(offender) -> Formulation | None:
    return formulation_versions(offender).draft


@dataclass
class PackEntry:
    """One agenda line of a meeting pack: the countersigned formulation it holds, or why none."""

    offender: object
    formulation: Formulation | None
    has_countersigned: bool

    @property
    def assessment(self):
        return self.formulation.assessment if self.formulation else None

    @property
    def missing(self) -> str:
        if self.formulation:
            return ""
        if self.has_countersigned:
            return "No countersigned case formulation: not in this pack"
        return "No countersigned ARMS assessment: not in this pack"


def pack_entries(offenders) -> list[PackEntry]:
    offenders = list(offenders)
    signed = set(
        Assessment.objects.filter(
            offender__in=offenders, status=AssessmentStatus.COUNTERSIGNED
        ).values_list("offender_id", flat=True)
    )
    return [
        PackEntry(
            offender=o,
            formulation=countersigned_formulation(o) if o.pk in signed else None,
            has_countersigned=o.pk in signed,
        )
        for o in offenders
    ]


def plan_actions(formulation: Formulation) -> QuerySet[PlanAction]:
    return formulation.actions.prefetch_related("factors")


@dataclass
class PlanGroup:
    heading: str
    label: str
    actions: list[PlanAction]


def actions_by_heading(formulation: Formulation, actions=None) -> list[PlanGroup]:
    """Every MAPPA heading in order, each with its actions (possibly none)."""
    actions = list(plan_actions(formulation) if actions is None else actions)
    return [
        PlanGroup(heading=value, label=label, actions=[a for a in actions if a.heading == value])
        for value, label in PlanHeading.choices
    ]


def working_formulation_id(offender) -> int | None:
    """The id of the plan being worked to (``FormulationVersions.working``: the newest
    formulation of an assessment not yet countersigned, else the newest of all), from a query
    of four narrow columns."""
    rows = Formulation.objects.filter(assessment__offender=offender).values_list(
        "pk", "assessment__status", "assessment__created_at", "assessment__pk"
    )
    # A formulation not yet countersigned outranks any countersigned one; then the newest.
    working = max(
        rows,
        key=lambda row: (row[1] != AssessmentStatus.COUNTERSIGNED, row[2], row[3]),
        default=None,
    )
    return working[0] if working else None


def overdue_actions(offender, today: datetime.date) -> QuerySet[PlanAction]:
    """Open actions past their due date in the plan being worked to (the draft's, else the
    latest formulation's), for the summary's warning and its link to the plan."""
    working = working_formulation_id(offender)
    if working is None:
        return PlanAction.objects.none()
    return PlanAction.objects.filter(
        formulation_id=working, status=ActionStatus.OPEN, due_date__lt=today
    ).select_related("formulation__assessment")


def agenda_offenders(meeting, user) -> tuple[list, int]:
    """The agenda in order, limited to offenders the user may see; plus how many are hidden."""
    items = list(meeting.agenda.select_related("offender"))
    visible = set(
        visible_offenders(user)
        .filter(pk__in=[i.offender_id for i in items])
        .values_list("pk", flat=True)
    )
    shown = [i.offender for i in items if i.offender_id in visible]
    return shown, len(items) - len(shown)


def meeting_list(meetings: QuerySet) -> QuerySet:
    return meetings.prefetch_related(
        Prefetch("exports", queryset=PackExport.objects.defer("pdf").order_by("-requested_at"))
    ).select_related("created_by")


def latest_export(meeting) -> PackExport | None:
    return meeting.exports.defer("pdf").select_related("requested_by").first()


def offending_history_text(offender) -> str:
    """A starting summary from the court appearances, oldest first, for the officer to edit."""
    appearances = list(offender.court_appearances.prefetch_related("offences"))
    if not appearances:
        return "No court appearances are recorded."
    appearances.sort(key=lambda a: a.sentencing_date)
    lines = [
        f"{len(appearances)} court appearance{'s' if len(appearances) != 1 else ''} "
        f"recorded, {appearances[0].sentencing_date:%Y} to {appearances[-1].sentencing_date:%Y}:"
    ]
    for appearance in appearances:
        offences = "; ".join(
            f"{o.description} ({o.get_kind_display().lower()}"
            f"{', non-contact' if o.kind == 'sexual' and not o.contact else ''})"
            for o in appearance.offences.all()
        )
        lines.append(
            f"- {gov_date(appearance.sentencing_date)}, {appearance.court}: "
            f"{offences or 'offences not recorded'}. {appearance.disposal}."
        )
    return "\n".join(lines)
