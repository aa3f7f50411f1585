"""Reads for the dashboard: every figure is one database aggregate over the user's scope.

Nothing here loops over offenders in Python, so the number of queries does not grow with the
caseload. The live figures read the schedule rows (``engagements.OffenderSchedule``, one per
offender, carrying its scope) through ``schedule_scope``, the rule of
``offenders.access.visible_offenders`` on those columns (a supervisor: their teams; a force
administrator: the force; an officer: their own offenders), so their cost is an index-only scan
of the scope. The caseload list and the monthly snapshots read offenders (``scoped_offenders``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from accounts.models import Role, User
from assessments.models import Assessment, AssessmentStatus
from engagements.models import LevelChoice, OffenderSchedule
from formulations.models import PlanAction
from offenders.access import scope_for, visible_offenders
from offenders.models import Offender
from offenders.selectors import OPEN_STATUSES

from .models import CaseloadSnapshot, Scope

LEVELS = [value for value, _label in reversed(LevelChoice.choices)]  # very high first
LEVEL_LABELS = dict(LevelChoice.choices)
DRAFT_AGE_DAYS = 30
HISTORY_MONTHS = 12


def scoped_offenders(user) -> QuerySet[Offender]:
    """Everyone the figures may speak for, whatever their status (filters narrow it later)."""
    offenders = visible_offenders(user)
    if user.role == Role.OFFICER:
        offenders = offenders.filter(responsible_officer=user)
    return offenders


def on_register(offenders: QuerySet[Offender]) -> QuerySet[Offender]:
    return offenders.filter(status__in=OPEN_STATUSES)


# --- conditions, named once so the figures and the lists behind them always agree -----------


# Each takes the path to the schedule: "schedule__" from an offender (the caseload list and the
# snapshots), "" on the schedule rows themselves (the dashboard's figures).


def overdue_visit_q(today: datetime.date, prefix: str = "schedule__") -> Q:
    # Reactive management has no routine visits, so it is never "overdue a visit".
    return Q(**{f"{prefix}next_visit_due__lt": today, f"{prefix}reactive": False})


def overdue_reassessment_q(today: datetime.date, prefix: str = "schedule__") -> Q:
    return Q(**{f"{prefix}next_reassessment_due__lt": today}) | Q(
        **{f"{prefix}reassessment_due_now": True}
    )


def level_q(level: str, prefix: str = "schedule__") -> Q:
    if level == "none":
        no_level = Q(**{f"{prefix}current_level": ""})
        # From an offender, a missing schedule row also means no level.
        return Q(schedule__isnull=True) | no_level if prefix else no_level
    return Q(**{f"{prefix}current_level": level})


def awaiting_countersignature_q(user) -> Q:
    """Submitted assessments; a supervisor is not counted for what they wrote or submitted."""
    condition = Q(status=AssessmentStatus.SUBMITTED)
    if user.role in {Role.SUPERVISOR, Role.FORCE_ADMIN}:
        condition &= ~Q(created_by=user) & ~Q(submitted_by=user)
    return condition


def old_draft_q(today: datetime.date, prefix: str = "") -> Q:
    # Local midnight DRAFT_AGE_DAYS ago: a draft started before that day is "older than 30 days".
    cutoff = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=DRAFT_AGE_DAYS), datetime.time())
    )
    return Q(**{f"{prefix}status": AssessmentStatus.DRAFT, f"{prefix}created_at__lt": cutoff})


def plan_action_model():
    """``formulations.PlanAction``: the dashboard sits above the formulations app."""
    return PlanAction


def past_due_actions(today: datetime.date):
    """Open risk-plan actions past their due date (None without the risk-plan feature)."""
    model = plan_action_model()
    if model is None:
        return None
    return model.objects.filter(status="open", due_date__lt=today)


# The snapshot's column for each level (and "none"), so live and stored figures share names.
SNAPSHOT_LEVEL_FIELDS = {**{level: level for level in LEVELS}, "none": "no_level"}


def caseload_counts(today: datetime.date, prefix: str = "schedule__", key: str = "pk") -> dict:
    """The aggregate expressions behind the level and overdue figures: over offenders (the
    snapshots; the defaults) or over schedule rows (the live figures: ``prefix=""``)."""
    return {
        "caseload": Count(key),
        **{
            field: Count(key, filter=level_q(level, prefix))
            for level, field in SNAPSHOT_LEVEL_FIELDS.items()
        },
        "overdue_visits": Count(key, filter=overdue_visit_q(today, prefix)),
        "overdue_reassessments": Count(key, filter=overdue_reassessment_q(today, prefix)),
    }


# --- headline figures ----------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    caseload: int
    levels: dict[str, int]  # level value (and "none") → offenders
    overdue_visits: int
    overdue_reassessments: int
    awaiting_countersignature: int
    overrides_awaiting: int
    reactive: int
    actions_past_due: int | None  # None: the risk-plan feature is not installed

    @property
    def level_rows(self) -> list[tuple[str, str, int]]:
        rows = [(level, LEVEL_LABELS[level], self.levels[level]) for level in LEVELS]
        return rows + [("none", "No level yet", self.levels["none"])]


def schedule_scope(user) -> QuerySet[OffenderSchedule]:
    """The schedule rows of the user's caseload on the register: the dashboard's read model.

    Every offender has one schedule row carrying its force, team, officer and whether it is on
    the register, so the one scope rule (``offenders.access.scope_for``) filters those columns
    directly: the force always; a force administrator (or a read-only user in no team) the whole
    force; anyone else their teams; an officer their own cases.
    """
    scope = scope_for(user)
    return OffenderSchedule.objects.filter(on_register=True).filter(
        scope.caseload_q(force="force_id", team="team_id", officer="responsible_officer_id")
    )


def _per_officer_counts(user, today: datetime.date) -> list[dict]:
    """ONE grouped query over the scope's schedule rows: every count per responsible officer.

    The scope indexes (``schedule_force_scope``, ``schedule_team_scope``) hold every column
    counted, so PostgreSQL answers with an index-only scan and a hash aggregate, no join; the
    headline figures are the column totals of these rows (a few dozen for a force). "Old
    drafts" counts offenders with a draft started over 30 days ago: a hashed IN over the few
    such drafts, which cannot count an offender twice.
    """
    old_drafts = Assessment.objects.filter(old_draft_q(today)).values("offender_id")
    return list(
        schedule_scope(user)
        .values("responsible_officer")
        .annotate(
            **caseload_counts(today, prefix="", key="offender"),
            overrides=Count("offender", filter=Q(override_pending=True)),
            reactive=Count("offender", filter=Q(reactive=True)),
            old_drafts=Count("offender", filter=Q(offender_id__in=old_drafts)),
        )
        .order_by()
    )


def _total(rows: list[dict], field: str) -> int:
    return sum(row[field] for row in rows)


def _headline(user, today, rows: list[dict]) -> Headline:
    """Column totals of the per-officer rows, plus one count of assessments and (if installed)
    one of risk-plan actions, both limited to the offenders of the scope's schedule rows."""
    offenders = schedule_scope(user).values("offender_id")
    awaiting = Assessment.objects.filter(
        awaiting_countersignature_q(user), offender_id__in=offenders
    ).count()
    actions = past_due_actions(today)
    if actions is not None:
        actions = actions.filter(formulation__assessment__offender_id__in=offenders).count()
    return Headline(
        caseload=_total(rows, "caseload"),
        levels={level: _total(rows, SNAPSHOT_LEVEL_FIELDS[level]) for level in [*LEVELS, "none"]},
        overdue_visits=_total(rows, "overdue_visits"),
        overdue_reassessments=_total(rows, "overdue_reassessments"),
        awaiting_countersignature=awaiting,
        overrides_awaiting=_total(rows, "overrides"),
        reactive=_total(rows, "reactive"),
        actions_past_due=actions,
    )


def _officer_rows(rows: list[dict]) -> list[dict]:
    """The table rows, with the officers' names from one query, sorted by surname."""
    officers = User.objects.filter(
        pk__in=[r["responsible_officer"] for r in rows if r["responsible_officer"]]
    ).values_list("pk", "first_name", "last_name", "username")
    # Plain tuples, not User instances: a force has dozens of officers. The name is what
    # ``User.get_full_name`` gives, else the username.
    names = {
        pk: (f"{first} {last}".strip() or username, last, first)
        for pk, first, last, username in officers
    }
    table = [
        {
            "officer_id": row["responsible_officer"],
            "name": names[row["responsible_officer"]][0]
            if row["responsible_officer"]
            else "Not allocated",
            "caseload": row["caseload"],
            "overdue_visits": row["overdue_visits"],
            "overdue_reassessments": row["overdue_reassessments"],
            "old_drafts": row["old_drafts"],
            "_sort": names.get(row["responsible_officer"], ("", "\uffff", ""))[1:]
            + (row["responsible_officer"] or 0,),
        }
        for row in rows
    ]
    table.sort(key=lambda row: row.pop("_sort"))
    return table


def dashboard_figures(user, today: datetime.date) -> tuple[Headline, list[dict]]:
    """The headline and the per-officer table, in a fixed number of queries whatever the size."""
    rows = _per_officer_counts(user, today)
    return _headline(user, today, rows), _officer_rows(rows)


def headline_figures(user, today: datetime.date) -> Headline:
    return dashboard_figures(user, today)[0]


# --- the per-officer table -----------------------------------------------------------------


def officer_table(user, today: datetime.date) -> list[dict]:
    """Per responsible officer: caseload, overdue visits and reassessments, old drafts."""
    return dashboard_figures(user, today)[1]


# --- history for the chart -----------------------------------------------------------------


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def months_back(today: datetime.date, count: int = HISTORY_MONTHS) -> list[datetime.date]:
    """The first days of the last ``count`` months, oldest first, ending with this month."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def snapshot_scope(user) -> Q:
    if user.role == Role.OFFICER:
        return Q(scope=Scope.OFFICER, officer=user)
    if user.role == Role.FORCE_ADMIN or (user.role == Role.READ_ONLY and not user.teams.exists()):
        return Q(scope=Scope.FORCE, force_id=user.force_id)
    return Q(scope=Scope.TEAM, team__in=user.teams.all())


def overdue_history(user, today: datetime.date, headline: Headline) -> list[dict]:
    """Overdue counts per month for the last 12 months: snapshots, this month live."""
    months = months_back(today)
    rows = (
        CaseloadSnapshot.objects.filter(snapshot_scope(user), month__gte=months[0])
        .values("month")
        .annotate(visits=Sum("overdue_visits"), reassessments=Sum("overdue_reassessments"))
        .order_by("month")
    )
    by_month = {row["month"]: row for row in rows}
    history = []
    for month in months:
        if month == months[-1]:
            visits, reassessments, known = (
                headline.overdue_visits,
                headline.overdue_reassessments,
                True,
            )
        else:
            row = by_month.get(month)
            known = row is not None
            visits = row["visits"] if row else 0
            reassessments = row["reassessments"] if row else 0
        history.append(
            {"month": month, "visits": visits, "reassessments": reassessments, "known": known}
        )
    return history


def awaiting_countersignature_exists(user) -> Exists:
    return Exists(
        Assessment.objects.filter(awaiting_countersignature_q(user), offender=OuterRef("pk"))
    )


def old_draft_exists(today: datetime.date) -> Exists:
    return Exists(Assessment.objects.filter(old_draft_q(today), offender=OuterRef("pk")))


def past_due_actions_exists(today: datetime.date) -> Exists | None:
    actions = past_due_actions(today)
    if actions is None:
        return None
    return Exists(actions.filter(formulation__assessment__offender=OuterRef("pk")))
