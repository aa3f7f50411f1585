"""The caseload shows the next home visit and the next reassessment in their own columns.

Issue 14, item 5: one "Next visit or reassessment due" column showed whichever came first, so
DEMO-001's row showed his reassessment date and not his visit.
"""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from engagements.models import OffenderSchedule
from tests.factories import OffenderFactory


def cell(html: str, label: str) -> str:
    match = re.search(
        rf'<td class="govuk-table__cell" data-label="{label}"[^>]*>(.*?)</td>', html, re.S
    )
    assert match, label
    return match.group(1)


def test_visit_and_reassessment_each_have_a_column_and_badge(owner_client, owner, team):
    today = timezone.localdate()
    visit, reassess = today + datetime.timedelta(days=50), today - datetime.timedelta(days=2)
    offender = OffenderFactory(team=team, responsible_officer=owner)
    OffenderSchedule.objects.update_or_create(
        offender=offender,
        defaults={
            "current_level": "high",
            "level_rank": 2,
            "next_visit_due": visit,
            "next_reassessment_due": reassess,
            "next_due": reassess,
        },
    )
    html = owner_client.get(reverse("engagements:caseload")).content.decode()
    assert ">Next home visit due<" in html and ">Next reassessment due<" in html
    visit_cell, reassess_cell = (
        cell(html, "Next home visit due"),
        cell(html, "Next reassessment due"),
    )
    assert f"{visit.day} {visit:%b %Y}" in visit_cell and "Overdue" not in visit_cell
    assert f"{reassess.day} {reassess:%b %Y}" in reassess_cell
    assert "Overdue by 2 days" in reassess_cell
    assert 'id="caseload-order"' in html and "Very high first" in html
    assert html.index('id="caseload-order"') < html.index("<table")
