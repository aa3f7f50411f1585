"""The filtered caseload list: filters, order, scope, audit and the CSV export."""

import csv
import io

from django.urls import reverse

from audit.models import Action, AuditEvent
from dashboard.caseload import caseload_list

from .factories import TODAY, scheduled


def refs(queryset):
    return [o.local_reference for o in queryset]


def names(caseload, *keys):
    return [caseload[key].local_reference for key in keys]


def test_overdue_filters_pick_the_right_offenders(caseload, colleague):
    visit = caseload_list(colleague, TODAY, {"overdue": "visit"})
    assert refs(visit) == names(caseload, "vh_overdue_visit")
    reassess = caseload_list(colleague, TODAY, {"overdue": "reassessment"})
    assert refs(reassess) == names(caseload, "high_overdue_reassess", "med_due_now")
    either = caseload_list(colleague, TODAY, {"overdue": "any"})
    assert set(refs(either)) == set(
        names(caseload, "vh_overdue_visit", "high_overdue_reassess", "med_due_now")
    )


def test_level_team_officer_and_status_filters(caseload, colleague, force_admin, team, owner):
    # Both medium: due now (today) sorts before due in 30 days.
    assert refs(caseload_list(colleague, TODAY, {"level": "medium"})) == names(
        caseload, "med_due_now", "med_override"
    )
    assert refs(caseload_list(colleague, TODAY, {"level": "none"})) == names(caseload, "no_level")
    assert refs(caseload_list(colleague, TODAY, {"officer": "none"})) == names(caseload, "no_level")
    mine = caseload_list(colleague, TODAY, {"officer": str(owner.pk)})
    assert set(refs(mine)) == set(
        names(caseload, "vh_overdue_visit", "high_overdue_reassess", "med_override")
    )
    assert refs(caseload_list(colleague, TODAY, {"status": "removed"})) == names(
        caseload, "removed"
    )
    team_a = caseload_list(force_admin, TODAY, {"team": str(team.pk)})
    assert caseload["team_b_overdue"].local_reference not in refs(team_a)
    assert len(refs(team_a)) == 6


def test_attention_filters_match_the_headline_figures(caseload, colleague):
    def only(attention):
        return refs(caseload_list(colleague, TODAY, {"attention": attention}))

    assert only("countersign") == names(caseload, "vh_overdue_visit")
    assert only("override") == names(caseload, "med_override")
    assert only("reactive") == names(caseload, "low_reactive")
    assert only("drafts") == names(caseload, "high_overdue_reassess")


def test_sorted_by_level_then_most_days_overdue(team, owner, colleague):
    later = scheduled(team, owner, level="high", visit=-2, reassess=50)
    earlier = scheduled(team, owner, level="high", visit=-20, reassess=50)
    top = scheduled(team, owner, level="very_high", visit=30, reassess=60)
    low = scheduled(team, owner, level="low", visit=-100, reassess=50)
    none = scheduled(team, owner, level=None)
    order = refs(caseload_list(colleague, TODAY, {}))
    expected = [top, earlier, later, low, none]
    assert order == [o.local_reference for o in expected]


def test_scope_officer_and_outsider(caseload, owner, outsider):
    assert len(refs(caseload_list(owner, TODAY, {}))) == 3
    assert refs(caseload_list(outsider, TODAY, {})) == []


def test_the_list_page_filters_audits_once_and_shows_the_offender(client, caseload, colleague):
    client.force_login(colleague)
    before = AuditEvent.objects.count()
    response = client.get(reverse("dashboard:caseload"), {"overdue": "visit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert caseload["vh_overdue_visit"].local_reference in html
    assert caseload["high_overdue_reassess"].local_reference not in html
    entry = AuditEvent.objects.get(pk__gt=0, action=Action.VIEWED, actor=colleague)
    assert AuditEvent.objects.count() == before + 1
    assert entry.object_type == "accounts.user" and entry.object_id == str(colleague.pk)
    assert "Overdue: Overdue a visit" in entry.summary


def test_an_unknown_filter_value_is_an_error_not_a_crash(client, caseload, colleague, other_team):
    client.force_login(colleague)
    response = client.get(reverse("dashboard:caseload"), {"team": str(other_team.pk)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Select a team from the list" in html


def test_outsider_list_is_empty(client, caseload, outsider):
    client.force_login(outsider)
    html = client.get(reverse("dashboard:caseload")).content.decode()
    assert caseload["vh_overdue_visit"].local_reference not in html
    assert "No offenders match these filters." in html


def _csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_holds_the_filtered_rows_and_one_audit_entry(client, caseload, colleague):
    client.force_login(colleague)
    before = AuditEvent.objects.filter(action=Action.EXPORTED).count()
    response = client.get(reverse("dashboard:export"), {"overdue": "reassessment"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][0] == "Reference" and "Days overdue" in rows[0]
    assert [r[0] for r in rows[1:]] == names(caseload, "high_overdue_reassess", "med_due_now")
    assert rows[1][8] == "High" and rows[1][rows[0].index("Days overdue")] == "3"
    assert AuditEvent.objects.filter(action=Action.EXPORTED).count() == before + 1
    entry = AuditEvent.objects.filter(action=Action.EXPORTED).latest("pk")
    assert entry.actor == colleague and entry.offender is None
    assert "2 offenders" in entry.summary and "Overdue a reassessment" in entry.summary
    assert entry.recipients.startswith("downloaded by ")


def test_csv_cells_never_start_a_formula(client, team, owner, colleague):
    scheduled(team, owner, level="high").__class__.objects.filter(team=team).update(
        surname="=HYPERLINK(1)"
    )
    client.force_login(colleague)
    rows = _csv(client.get(reverse("dashboard:export")))
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_csv_export_for_an_outsider_has_no_rows(client, caseload, outsider):
    client.force_login(outsider)
    assert len(_csv(client.get(reverse("dashboard:export")))) == 1
