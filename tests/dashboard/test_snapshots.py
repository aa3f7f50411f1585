"""Monthly snapshots: this month's figures per scope, idempotent runs, and the chart's history."""

import datetime

from django.core.management import call_command

from dashboard.models import CaseloadSnapshot, Scope
from dashboard.selectors import headline_figures, months_back, overdue_history
from dashboard.snapshots import backfill_history, snapshot_month

from .factories import TODAY


def test_snapshot_counts_each_scope_like_the_live_figures(caseload, team, owner, force):
    snapshot_month(TODAY)
    team_row = CaseloadSnapshot.objects.get(scope=Scope.TEAM, team=team)
    assert (team_row.caseload, team_row.very_high, team_row.no_level) == (6, 1, 1)
    assert (team_row.overdue_visits, team_row.overdue_reassessments) == (1, 2)
    force_row = CaseloadSnapshot.objects.get(scope=Scope.FORCE, force=force)
    assert force_row.caseload == 7 and force_row.overdue_visits == 2
    owner_row = CaseloadSnapshot.objects.get(scope=Scope.OFFICER, officer=owner)
    assert owner_row.caseload == 3 and owner_row.month == TODAY.replace(day=1)


def test_running_again_replaces_the_month(caseload):
    snapshot_month(TODAY)
    count = CaseloadSnapshot.objects.count()
    call_command("snapshot_caseload", "--date", TODAY.isoformat())
    assert CaseloadSnapshot.objects.count() == count


def test_backfill_adds_eleven_past_months_once(caseload, colleague):
    made = backfill_history(TODAY)
    assert made > 0
    assert backfill_history(TODAY) == 0
    history = overdue_history(colleague, TODAY, headline_figures(colleague, TODAY))
    assert [h["month"] for h in history] == months_back(TODAY)
    assert all(h["known"] for h in history)
    assert history[-1]["visits"] == 1  # this month is live


def test_months_back_crosses_the_year():
    months = months_back(datetime.date(2026, 2, 10))
    assert months[0] == datetime.date(2025, 3, 1) and months[-1] == datetime.date(2026, 2, 1)
    assert len(months) == 12


def test_demo_seed_is_idempotent(caseload):
    import io

    from demo import dashboard as demo

    demo.seed(io.StringIO())
    count = CaseloadSnapshot.objects.count()
    demo.seed(io.StringIO())
    assert CaseloadSnapshot.objects.count() == count
    assert CaseloadSnapshot.objects.filter(month=months_back(TODAY)[0]).exists()
