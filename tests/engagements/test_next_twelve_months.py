"""The visits page's "next 12 months": planned visits and due dates in one date order.

Issue 14, item 3: a planned visit on 12 December was listed above the visit due on 10 December,
because planned visits were printed first and the due dates after them.
"""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from engagements import services
from engagements.models import OffenderSchedule

from .factories import decided

ROW_DATE = re.compile(
    r'<tr class="govuk-table__row"><td class="govuk-table__cell">(?:\w{3} )?(\d{1,2} \w+ \d{4})'
)


def table_dates(html: str) -> list[datetime.date]:
    table = html.split('id="next-12-months"', 1)[1].split("</table>", 1)[0]
    return [datetime.datetime.strptime(d, "%d %B %Y").date() for d in ROW_DATE.findall(table)]


def test_planned_visits_and_due_dates_are_in_date_order(owner_client, owner, colleague, offender):
    decided(offender, author=owner, supervisor=colleague, rm2000="high", priority="high")
    due = OffenderSchedule.objects.get(offender=offender).next_visit_due
    for days in (2, 40):  # just after the first due date, and later still
        at = datetime.datetime.combine(due + datetime.timedelta(days=days), datetime.time(18))
        services.visit_plan(
            user=owner,
            offender=offender,
            planned_for=timezone.make_aware(at),
            kind="home_visit",
        )
    html = owner_client.get(reverse("engagements:timetable", args=[offender.pk])).content.decode()
    dates = table_dates(html)
    assert due in dates and due + datetime.timedelta(days=2) in dates
    assert len(dates) >= 4
    assert dates == sorted(dates)
    assert dates.index(due) < dates.index(due + datetime.timedelta(days=2))
