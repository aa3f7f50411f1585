"""The register's compliance figures on the dashboard: the counts, the lists behind them, the CSV
(audited, formula-safe) and query counts that do not grow with the data."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import Action, AuditEvent
from register.models import CivilOrder, Notification, Registration, SuspectedBreach
from register.selectors import FIGURES, compliance_counts
from tests.factories import OffenderFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def registered(team, officer, *, periodic=100, last_day=2000, surname="Smith", recorder=None):
    offender = OffenderFactory(team=team, responsible_officer=officer, surname=surname)
    Registration.objects.create(
        offender=offender,
        relevant_date=days(-800),
        disposal="caution" if last_day else "life_imprisonment",
        age_on_relevant_date=30,
        indefinite=last_day is None,
        period_months=24 if last_day else None,
        last_day=None if last_day is None else days(last_day),
        rules_version="register-1",
        first_notified_on=days(-798),
        last_notified_on=days(periodic - 365),
        next_periodic_due=days(periodic),
        force_id=team.force_id,
        team=team,
        responsible_officer=officer,
        recorded_by=recorder or officer,
    )
    return offender


def extras(offender, officer, *, travel=None, order_end=None, breach=False):
    if travel is not None:
        Notification.objects.create(
            offender=offender,
            kind="travel",
            notified_on=TODAY,
            station="N",
            departure_date=days(travel),
            destinations='=HYPERLINK("x")',
            carriers="Air",
            deadline=days(travel - 7),
            rules_version="register-1",
            in_time=True,
            moves_periodic=False,
            taken_by=officer,
        )
    if order_end is not None:
        CivilOrder.objects.create(
            offender=offender,
            kind="shpo",
            court="C",
            made_on=days(-2000),
            end_date=days(order_end),
            rules_version="register-1",
            recorded_by=officer,
        )
    if breach:
        SuspectedBreach.objects.create(
            offender=offender,
            breach_of="notification",
            what="Missed",
            found_on=TODAY,
            recorded_by=officer,
        )


@pytest.fixture
def data(team, other_team, owner, outsider):
    due = registered(team, owner, periodic=5, surname="Due")
    extras(due, owner, travel=3, order_end=40, breach=True)
    registered(team, owner, periodic=-2, surname="Overdue")
    registered(team, owner, periodic=200, last_day=30, surname="Ending")
    registered(team, owner, periodic=14, last_day=None, surname="Indefinite")
    far = registered(team, owner, periodic=15, last_day=200, surname="Far")
    extras(far, owner, travel=15, order_end=200)
    registered(other_team, None, periodic=-1, surname="Otherteam", recorder=owner)
    foreign = registered(outsider.teams.first(), outsider, periodic=-1, surname="Foreign")
    extras(foreign, outsider, travel=2, breach=True)
    return due


EXPECTED_TEAM = {
    "periodic_due": 2,
    "periodic_overdue": 1,
    "travel": 1,
    "orders_ending": 1,
    "breaches": 1,
    "registrations_ending": 1,
}


def test_the_figures_for_a_supervisor_an_admin_and_an_outsider(
    data, colleague, force_admin, outsider
):
    assert compliance_counts(colleague, TODAY) == EXPECTED_TEAM
    assert compliance_counts(force_admin, TODAY)["periodic_overdue"] == 2
    assert compliance_counts(outsider, TODAY) == {
        "periodic_due": 0,
        "periodic_overdue": 1,
        "travel": 1,
        "orders_ending": 0,
        "breaches": 1,
        "registrations_ending": 0,
    }


def test_the_dashboard_shows_them_with_links_and_downloads(client, data, colleague):
    client.force_login(colleague)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "The register: compliance" in html
    for key, label in FIGURES.items():
        assert label in html
        assert reverse("dashboard:compliance") + f"?figure={key}" in html
        assert reverse("dashboard:compliance_export") + f"?figure={key}" in html


def test_each_list_shows_its_offenders_and_is_audited(client, data, colleague):
    client.force_login(colleague)
    before = AuditEvent.objects.filter(action=Action.VIEWED).count()
    html = client.get(reverse("dashboard:compliance") + "?figure=periodic_due").content.decode()
    assert "DUE" in html and "INDEFINITE" in html and "FAR" not in html and "FOREIGN" not in html
    assert AuditEvent.objects.filter(action=Action.VIEWED).count() == before + 1
    html = client.get(reverse("dashboard:compliance") + "?figure=orders_ending").content.decode()
    assert "Sexual Harm Prevention Order" in html
    assert client.get(reverse("dashboard:compliance") + "?figure=nonsense").status_code == 404


def test_the_csv_is_formula_safe_and_audited_as_a_disclosure(client, data, colleague):
    client.force_login(colleague)
    response = client.get(reverse("dashboard:compliance_export") + "?figure=travel")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][-2:] == ["Departs", "Destinations"]
    assert len(rows) == 2 and rows[1][0] == data.local_reference
    assert rows[1][-1].startswith("'=")
    exported = AuditEvent.objects.filter(action=Action.EXPORTED).latest("pk")
    assert "1 offenders" in exported.summary and "register" in exported.summary


def _grow(team, officer, count):
    for n in range(count):
        offender = registered(team, officer, periodic=(n % 20) - 5, last_day=n % 90 + 1)
        extras(offender, officer, travel=n % 14, order_end=n % 80 + 1, breach=n % 3 == 0)


@pytest.mark.parametrize("size", [3, 40])
def test_the_query_counts_do_not_grow(
    client, team, owner, colleague, django_assert_max_num_queries, size
):
    _grow(team, owner, size)
    client.force_login(colleague)
    with django_assert_max_num_queries(16):  # a count per register figure among them
        assert client.get(reverse("dashboard:home")).status_code == 200
    for key in FIGURES:
        with django_assert_max_num_queries(10):
            assert client.get(reverse("dashboard:compliance") + f"?figure={key}").status_code == 200
        with django_assert_max_num_queries(10):
            response = client.get(reverse("dashboard:compliance_export") + f"?figure={key}")
            b"".join(response.streaming_content)


def test_the_counts_take_one_query_per_figure(team, owner, colleague, django_assert_num_queries):
    _grow(team, owner, 10)
    compliance_counts(colleague, TODAY)  # the team ids are cached on the user
    with django_assert_num_queries(len(FIGURES)):
        compliance_counts(colleague, TODAY)


def test_the_registration_figures_scope_on_the_registrations_own_copies(force_admin, colleague):
    """A registration carries its force, team and officer: the lists and counts on it need no
    join to the teams (the register indexes on those columns serve them)."""
    from register.selectors import compliance_querysets

    for user in (force_admin, colleague):
        found = compliance_querysets(user, datetime.date(2026, 6, 1))
        for figure in ("periodic_due", "periodic_overdue", "registrations_ending"):
            sql = str(found[figure].query)
            assert "accounts_team" not in sql and "offenders_offender" not in sql, sql
