"""The two-step sign-in, lockout, timeouts and their audit entries, through the real pages."""

import time

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_SEEN, SIGNED_IN_AT
from audit.models import Action, AuditEvent
from demo.signin import next_code

PASSWORD = "test-password"


def _password_step(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def _device(user):
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def _events(user, action):
    return AuditEvent.objects.filter(
        object_type="accounts.user", object_id=str(user.pk), action=action
    )


@pytest.fixture
def visitor():
    return Client()


def test_a_password_only_session_reaches_no_offender_page(visitor, owner, offender):
    _device(owner)
    response = _password_step(visitor, "owner")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login_code"))
    for url in (
        reverse("offenders:detail", args=[offender.pk]),
        reverse("engagements:caseload"),
        reverse("dashboard:home"),
        "/admin/",
    ):
        answer = visitor.get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith(reverse("login_code")), url
    assert not AuditEvent.objects.filter(offender=offender).exists()
    code_page = visitor.get(reverse("login_code")).content.decode()
    assert "Caseload</a>" not in code_page and "Sign out" in code_page  # no menu until step 2


def test_password_then_code_signs_in_and_is_audited(visitor, owner, offender):
    device = _device(owner)
    _password_step(visitor, "owner")
    page = visitor.get(reverse("login_code"))
    assert "Enter the 6-digit code from your authenticator app" in page.content.decode()
    response = visitor.post(reverse("login_code"), {"code": next_code(device)})
    assert response.status_code == 302
    assert visitor.get(reverse("offenders:detail", args=[offender.pk])).status_code == 200
    summaries = list(_events(owner, Action.SIGNED_IN).values_list("summary", flat=True))
    assert summaries == [
        "Signed in with the authenticator app",
        "Password accepted; second factor requested",
    ]


def test_a_wrong_code_is_a_field_error_and_audited(visitor, owner):
    _device(owner)
    _password_step(visitor, "owner")
    response = visitor.post(reverse("login_code"), {"code": "000000"})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "The code is not right" in body
    assert _events(owner, Action.SIGN_IN_FAILED).filter(summary="Wrong authenticator code").exists()
    assert visitor.get(reverse("engagements:caseload")).status_code == 302


def test_a_backup_code_signs_in_once(visitor, owner):
    _device(owner)
    from accounts.services import _issue_backup_codes

    codes = _issue_backup_codes(owner)
    _password_step(visitor, "owner")
    assert visitor.post(reverse("login_backup"), {"code": codes[0]}).status_code == 302
    assert visitor.get(reverse("engagements:caseload")).status_code == 200
    assert _events(owner, Action.BACKUP_CODE_USED).count() == 1
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    other = Client()
    _password_step(other, "owner")
    again = other.post(reverse("login_backup"), {"code": codes[0]})
    assert again.status_code == 200 and "has been used already" in again.content.decode()


def test_first_sign_in_sets_up_the_app_with_a_qr_code_and_the_secret(visitor, owner):
    response = _password_step(visitor, "owner")
    assert response["Location"].startswith(reverse("login_enrol"))
    page = visitor.get(reverse("login_enrol"))
    body = page.content.decode()
    assert 'src="data:image/svg+xml' in body and "I cannot scan the QR code" in body
    assert page["Cache-Control"] == "no-store"
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    done = visitor.post(reverse("login_enrol"), {"code": next_code(device)})
    assert done.status_code == 200 and "Your backup codes" in done.content.decode()
    assert StaticToken.objects.filter(device__user=owner).count() == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert visitor.get(reverse("engagements:caseload")).status_code == 200
    assert _events(owner, Action.MFA_ENROLLED).count() == 1
    # The codes and the secret never reach the log.
    text = " ".join(AuditEvent.objects.values_list("summary", flat=True))
    assert device.key not in text and next_code(device) not in text


def test_six_wrong_passwords_then_the_right_one_does_not_sign_in(visitor, owner):
    _device(owner)
    for _ in range(6):
        _password_step(visitor, "owner", "wrong-password")
    response = _password_step(visitor, "owner")
    body = response.content.decode()
    assert response.status_code == 403 and "Your account is locked" in body
    assert "ask your force administrator to unlock" in body
    assert visitor.get(reverse("engagements:caseload")).status_code == 302
    # Every attempt is in the log: the failures up to the lockout, then the refusals.
    failed = _events(owner, Action.SIGN_IN_FAILED).count()
    locked = _events(owner, Action.LOCKED_OUT).count()
    assert failed == 4 and locked == 3
    assert not _events(owner, Action.SIGNED_IN).exists()


def test_a_force_admin_unlocks_and_resets_the_second_factor(visitor, client, owner, force_admin):
    device = _device(owner)
    for _ in range(5):
        _password_step(visitor, "owner", "wrong-password")
    assert _password_step(visitor, "owner").status_code == 403
    client.force_login(force_admin)
    detail = client.get(reverse("account", args=[owner.pk])).content.decode()
    assert "Locked after too many failed sign-ins" in detail
    client.post(reverse("account_action", args=[owner.pk, "unlock"]))
    assert _password_step(Client(), "owner").status_code == 302
    client.post(reverse("account_action", args=[owner.pk, "reset-second-factor"]))
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    fresh = Client()
    assert _password_step(fresh, "owner")["Location"].startswith(reverse("login_enrol"))
    assert _events(owner, Action.UNLOCKED).get().actor == force_admin
    assert _events(owner, Action.MFA_RESET).get().actor == force_admin


def test_the_idle_timeout_signs_out_and_says_why(client, owner):
    client.force_login(owner)
    session = client.session
    session[LAST_SEEN] = time.time() - 31 * 60
    session.save()
    response = client.get(reverse("engagements:caseload"))
    assert response.status_code == 302 and "timeout=1" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "You have been signed out" in page
    assert _events(owner, Action.SIGNED_OUT).get().summary == (
        "Signed out after 30 minutes without activity"
    )


def test_the_session_ends_after_8_hours_even_when_active(client, owner):
    client.force_login(owner)
    session = client.session
    session[SIGNED_IN_AT] = time.time() - 8 * 3600 - 1
    session.save()
    assert "timeout=1" in client.get(reverse("engagements:caseload"))["Location"]


def test_sign_out_is_audited(client, owner):
    client.force_login(owner)
    assert client.get(reverse("logout")).status_code == 405  # sign-out is a POST
    assert client.post(reverse("logout")).status_code == 302
    assert _events(owner, Action.SIGNED_OUT).get().summary == "Signed out"


def test_demo_code_serves_only_demo_accounts(db, owner):
    _device(owner)
    with pytest.raises(CommandError, match="not a demo account"):
        call_command("demo_code", "owner")


def test_one_address_cannot_spray_usernames(visitor, owner, colleague):
    """20 failures from one address lock it, whatever the usernames; 5 lock a username."""
    _device(colleague)
    for n in range(20):
        _password_step(visitor, f"guess{n}", "wrong-password")
    response = _password_step(Client(), "colleague")
    assert response.status_code == 403 and "Your account is locked" in response.content.decode()


def test_one_officers_lockout_does_not_lock_the_station(visitor, owner, colleague):
    for _ in range(6):
        _password_step(visitor, "owner", "wrong-password")
    assert _password_step(Client(), "colleague").status_code == 302


def test_pages_carry_the_timeout_warning_with_the_force_idle_time(client, owner):
    owner.force.idle_timeout_minutes = 45
    owner.force.save()
    _device(owner)
    _password_step(client, "owner")
    client.post(reverse("login_code"), {"code": next_code(TOTPDevice.objects.get(user=owner))})
    body = client.get(reverse("engagements:caseload")).content.decode()
    assert 'id="session-timeout"' in body and 'data-idle-seconds="2700"' in body
    assert "Stay signed in" in body and "session-timeout.mjs" in body
    assert client.post(reverse("keep_alive")).status_code == 204


def test_someone_elses_sign_in_from_the_same_address_does_not_lift_a_lockout(
    visitor, owner, colleague
):
    _device(colleague)
    for _ in range(5):
        _password_step(visitor, "owner", "wrong-password")
    assert _password_step(Client(), "colleague").status_code == 302
    assert _password_step(Client(), "owner").status_code == 403
