"""Account administration by force administrators: their own force only, every action audited."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from audit.models import Action, AuditEvent


def test_a_force_admin_adds_an_account_with_a_team_and_role(client, force_admin, team):
    client.force_login(force_admin)
    assert "Accounts" in client.get(reverse("home"), follow=True).content.decode()
    response = client.post(
        reverse("account_add"),
        {
            "username": "new.officer",
            "first_name": "Nia",
            "last_name": "Newcomer",
            "role": Role.OFFICER,
            "teams": [team.pk],
            "password": "a-long-first-password-for-nia",
        },
    )
    account = User.objects.get(username="new.officer")
    assert response.status_code == 302 and response["Location"] == reverse(
        "account", args=[account.pk]
    )
    assert account.force == force_admin.force and list(account.teams.all()) == [team]
    assert account.check_password("a-long-first-password-for-nia")
    entry = AuditEvent.objects.get(action=Action.CREATED, object_id=str(account.pk))
    assert entry.actor == force_admin and "password" not in entry.changed_fields


def test_bad_account_details_are_field_errors_and_nothing_is_saved(client, force_admin, team):
    client.force_login(force_admin)
    before = User.objects.count()
    response = client.post(
        reverse("account_add"),
        {"username": "bad name!", "first_name": "", "role": Role.OFFICER, "password": "123"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "A username can only contain" in body and "Enter the first name" in body
    assert "Choose the team of an offender manager or supervisor" in body
    assert User.objects.count() == before


def test_deactivate_and_reactivate(client, force_admin, owner):
    client.force_login(force_admin)
    client.post(reverse("account_action", args=[owner.pk, "deactivate"]))
    owner.refresh_from_db()
    assert not owner.is_active
    client.post(reverse("account_action", args=[owner.pk, "reactivate"]))
    owner.refresh_from_db()
    assert owner.is_active
    summaries = set(
        AuditEvent.objects.filter(object_id=str(owner.pk), action=Action.CHANGED).values_list(
            "summary", flat=True
        )
    )
    assert summaries == {"Account deactivated", "Account reactivated"}


def test_nobody_manages_another_forces_accounts(client, force_admin, outsider):
    client.force_login(force_admin)
    assert client.get(reverse("account", args=[outsider.pk])).status_code == 404
    assert (
        client.post(reverse("account_action", args=[outsider.pk, "deactivate"])).status_code == 404
    )
    outsider.refresh_from_db()
    assert outsider.is_active
    listing = client.get(reverse("accounts")).content.decode()
    assert outsider.username not in listing


def test_other_roles_cannot_reach_account_administration(client, colleague, owner):
    client.force_login(colleague)
    assert client.get(reverse("accounts")).status_code == 403
    assert client.post(reverse("account_action", args=[owner.pk, "deactivate"])).status_code == 403


def test_a_force_admin_cannot_deactivate_themselves(client, force_admin):
    client.force_login(force_admin)
    assert (
        client.post(reverse("account_action", args=[force_admin.pk, "deactivate"])).status_code
        == 403
    )


def test_one_wrong_password_does_not_show_the_account_as_locked(client, force_admin, owner):
    """Only the failure limit within the cool-off locks; a single slip leaves a record only."""
    Client().post(reverse("login"), {"username": owner.username, "password": "wrong"})
    client.force_login(force_admin)
    detail = client.get(reverse("account", args=[owner.pk])).content.decode()
    assert "Locked after too many failed sign-ins" not in detail
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        Client().post(reverse("login"), {"username": owner.username, "password": "wrong"})
    detail = client.get(reverse("account", args=[owner.pk])).content.decode()
    assert "Locked after too many failed sign-ins" in detail
    listing = client.get(reverse("accounts")).content.decode()
    assert 'govuk-tag--red">Locked</strong>' in listing
