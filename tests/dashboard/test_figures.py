"""Every headline figure and the per-officer table on the hand-built caseload, per persona."""

from dashboard.selectors import headline_figures, officer_table, plan_action_model

from .factories import TODAY


def test_supervisor_headline_counts_each_figure_for_their_team(caseload, colleague):
    figures = headline_figures(colleague, TODAY)
    assert figures.caseload == 6  # team A on the register: the removed offender is left out
    assert figures.levels == {"very_high": 1, "high": 1, "medium": 2, "low": 1, "none": 1}
    assert figures.overdue_visits == 1  # very high, due yesterday
    assert figures.overdue_reassessments == 2  # 3 days late, and due now after a change
    assert figures.awaiting_countersignature == 1
    assert figures.overrides_awaiting == 1
    assert figures.reactive == 1
    if plan_action_model() is None:
        assert figures.actions_past_due is None
    else:
        assert figures.actions_past_due == 0


def test_a_supervisor_is_not_asked_to_countersign_their_own_submission(caseload, colleague):
    from assessments.models import AssessmentStatus

    from .factories import assessment

    assessment(caseload["med_override"], colleague, status=AssessmentStatus.SUBMITTED)
    assert headline_figures(colleague, TODAY).awaiting_countersignature == 1


def test_force_admin_sees_the_whole_force_but_not_another(caseload, force_admin):
    figures = headline_figures(force_admin, TODAY)
    assert figures.caseload == 7
    assert figures.overdue_visits == 2  # team B's low case too
    assert figures.levels["very_high"] == 1  # not the other force's
    assert figures.awaiting_countersignature == 1


def test_an_officer_sees_only_their_own_caseload(caseload, owner):
    figures = headline_figures(owner, TODAY)
    assert figures.caseload == 3
    assert figures.levels == {"very_high": 1, "high": 1, "medium": 1, "low": 0, "none": 0}
    assert figures.overdue_visits == 1
    assert figures.overdue_reassessments == 1
    assert figures.reactive == 0


def test_an_outsider_sees_nothing_of_this_force(caseload, outsider):
    figures = headline_figures(outsider, TODAY)
    assert figures.caseload == 0
    assert figures.overdue_visits == figures.overdue_reassessments == 0
    assert figures.awaiting_countersignature == 0


def test_per_officer_table_counts_caseload_overdue_and_old_drafts(caseload, colleague):
    rows = {row["name"]: row for row in officer_table(colleague, TODAY)}
    assert len(rows) == 3
    by_id = {row["officer_id"]: row for row in rows.values()}
    owner_row = next(r for r in by_id.values() if r["caseload"] == 3)
    assert (owner_row["overdue_visits"], owner_row["overdue_reassessments"]) == (1, 1)
    assert owner_row["old_drafts"] == 1  # the 40-day draft; the 10-day one is not old
    second_row = next(r for r in by_id.values() if r["caseload"] == 2)
    assert (second_row["overdue_visits"], second_row["overdue_reassessments"]) == (0, 1)
    assert second_row["old_drafts"] == 0
    assert by_id[None]["name"] == "Not allocated" and by_id[None]["caseload"] == 1


def test_figures_follow_the_real_services(owner, colleague, offender):
    """A level decided a year ago through the services leaves a visit and a reassessment
    overdue: the dashboard counts what schedule_refresh wrote."""
    import datetime

    from tests.engagements.factories import decided

    decided(
        offender,
        author=owner,
        supervisor=colleague,
        priority="medium",
        rm2000="medium",
        on=TODAY - datetime.timedelta(days=400),
    )
    figures = headline_figures(colleague, TODAY)
    assert figures.levels["medium"] == 1
    assert figures.overdue_visits == 1
    assert figures.overdue_reassessments == 1


def test_open_risk_plan_actions_past_due_are_counted_and_listed(caseload, colleague, owner):
    import datetime

    from dashboard.caseload import caseload_list
    from formulations.models import PlanAction
    from tests.formulations.factories import formulation_for

    offender = caseload["med_override"]
    formulation = formulation_for(offender, owner, status="countersigned")
    yesterday = TODAY - datetime.timedelta(days=1)
    for due, status in [(yesterday, "open"), (yesterday, "done"), (TODAY, "open")]:
        PlanAction.objects.create(
            formulation=formulation, heading="supervision", description="Check in",
            owner="PC Test", due_date=due, status=status,
        )  # fmt: skip
    assert headline_figures(colleague, TODAY).actions_past_due == 1
    listed = caseload_list(colleague, TODAY, {"attention": "actions"})
    assert [o.pk for o in listed] == [offender.pk]
