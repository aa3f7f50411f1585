"""The schedule as the dashboard's read model: one row per offender, its scope kept in step with
the offender, and figures equal to counting the offenders themselves."""

import datetime
import importlib

from django.apps import apps
from django.db.models import Count

from accounts.models import Role
from assessments.models import Assessment
from dashboard.selectors import (
    SNAPSHOT_LEVEL_FIELDS,
    awaiting_countersignature_q,
    caseload_counts,
    headline_figures,
    officer_table,
    on_register,
    schedule_scope,
    scoped_offenders,
)
from engagements.models import OffenderSchedule
from offenders.models import NotificationPeriod, Offender, Sex, Status
from offenders.services import offender_create, offender_update
from tests.factories import UserFactory

from .factories import TODAY


def _new_offender(user, team, officer):
    return offender_create(
        user=user,
        surname="Example",
        forenames="Sam",
        date_of_birth=datetime.date(1980, 1, 2),
        sex=Sex.MALE,
        local_reference="READ-001",
        registration_start=datetime.date(2021, 5, 1),
        notification_period=NotificationPeriod.INDEFINITE,
        team=team,
        responsible_officer=officer,
    )


def _scope(offender) -> tuple:
    row = OffenderSchedule.objects.get(offender=offender)
    return row.team_id, row.force_id, row.responsible_officer_id, row.on_register


def test_a_new_offender_has_a_schedule_row_with_its_scope(team, owner, colleague):
    before = OffenderSchedule.objects.count()
    offender = _new_offender(colleague, team, owner)
    assert OffenderSchedule.objects.count() == before + 1
    assert _scope(offender) == (team.pk, team.force_id, owner.pk, True)
    assert OffenderSchedule.objects.get(offender=offender).current_level == ""


def test_changing_team_officer_or_status_updates_the_schedule(
    team, other_team, owner, colleague, force_admin
):
    offender = _new_offender(colleague, team, owner)
    second = UserFactory(username="second", role=Role.OFFICER, force=team.force, team=other_team)

    offender_update(
        user=force_admin, offender=offender, team=other_team, responsible_officer=second
    )
    assert _scope(offender) == (other_team.pk, team.force_id, second.pk, True)

    offender_update(user=force_admin, offender=offender, status=Status.REMOVED)
    assert _scope(offender)[3] is False
    offender_update(user=force_admin, offender=offender, status=Status.CUSTODY)
    assert _scope(offender)[3] is True

    offender_update(user=force_admin, offender=offender, responsible_officer=None)
    assert _scope(offender)[2] is None


def _personas(owner, colleague, force_admin, auditor, outsider, team):
    partner = UserFactory(username="partner", role=Role.READ_ONLY, force=team.force, team=team)
    return {
        "officer": owner,
        "supervisor": colleague,
        "force admin": force_admin,
        "force auditor": auditor,
        "team read-only": partner,
        "outsider": outsider,
    }


def test_schedule_scope_is_the_visible_offenders_on_the_register(
    caseload, owner, colleague, force_admin, auditor, outsider, team
):
    for who, user in _personas(owner, colleague, force_admin, auditor, outsider, team).items():
        expected = set(on_register(scoped_offenders(user)).values_list("pk", flat=True))
        got = set(schedule_scope(user).values_list("offender_id", flat=True))
        assert got == expected, who
    assert set(schedule_scope(force_admin).values_list("offender_id", flat=True)) == {
        caseload[name].pk
        for name in caseload
        if name not in {"removed", "foreign"}  # off the register; another force
    }


def test_dashboard_figures_equal_counting_the_offenders(
    caseload, owner, colleague, force_admin, auditor, outsider, team
):
    for who, user in _personas(owner, colleague, force_admin, auditor, outsider, team).items():
        offenders = on_register(scoped_offenders(user))
        counted = offenders.aggregate(**caseload_counts(TODAY))
        headline = headline_figures(user, TODAY)
        assert headline.caseload == counted["caseload"], who
        assert headline.overdue_visits == counted["overdue_visits"], who
        assert headline.overdue_reassessments == counted["overdue_reassessments"], who
        for level, field in SNAPSHOT_LEVEL_FIELDS.items():
            assert headline.levels[level] == counted[field], (who, level)
        assert (
            headline.overrides_awaiting == offenders.filter(schedule__override_pending=True).count()
        )
        assert headline.reactive == offenders.filter(schedule__reactive=True).count()
        awaiting = Assessment.objects.filter(
            awaiting_countersignature_q(user), offender__in=offenders
        )
        assert headline.awaiting_countersignature == awaiting.count(), who

        per_officer = {
            row["responsible_officer"]: row["n"]
            for row in offenders.values("responsible_officer").annotate(n=Count("pk"))
        }
        table = {row["officer_id"]: row["caseload"] for row in officer_table(user, TODAY)}
        assert table == per_officer, who


def test_the_migration_backfills_rows_and_scope_columns(caseload, team, owner):
    """0003 gives a row to an offender without one and copies the scope onto every row."""
    backfill = importlib.import_module("engagements.migrations.0003_schedule_scope_backfill")
    bare = caseload["no_level"]
    OffenderSchedule.objects.filter(offender=bare).delete()
    OffenderSchedule.objects.update(
        team=None, force=None, responsible_officer=None, on_register=False
    )

    backfill.backfill(apps, None)

    assert not Offender.objects.filter(schedule__isnull=True).exists()
    assert _scope(bare) == (team.pk, team.force_id, None, True)
    assert _scope(caseload["vh_overdue_visit"]) == (team.pk, team.force_id, owner.pk, True)
    assert _scope(caseload["removed"])[3] is False
