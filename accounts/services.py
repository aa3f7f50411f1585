"""Writes for accounts: the two-step sign-in, second factors, and account administration.

Every function is one transaction with its audit entry (DPA 2018 s.62 and the force's security
policy). Nothing here ever stores or logs a password, a code, a secret or a token.
"""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Action
from audit.services import audit_record, record_security_event

from .access import can_deactivate_account, can_manage_account, can_manage_accounts
from .models import Role, Team, User

BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"


# --- sign-in events ----------------------------------------------------------------------


@transaction.atomic
def sign_in_recorded(*, user, step: str) -> None:
    """``step``: "password" (first step passed) or "code" (second factor verified)."""
    summary = {
        "password": "Password accepted; second factor requested",
        "code": "Signed in with the authenticator app",
        "backup": "Signed in with a backup code",
    }[step]
    action = Action.BACKUP_CODE_USED if step == "backup" else Action.SIGNED_IN
    record_security_event(action=action, user=user, summary=summary)


def _account_named(username: str):
    """The account a typed username names, if it could be one (hostile text is no account)."""
    if not username or len(username) > 150 or "\x00" in username:
        return None
    return User.objects.filter(username=username).first()


@transaction.atomic
def sign_in_failed(*, username: str, reason: str) -> None:
    """A wrong password or code. The account, if the name matches one; never the typed text."""
    user = _account_named(username)
    record_security_event(action=Action.SIGN_IN_FAILED, user=user, summary=reason)


@transaction.atomic
def locked_out_recorded(*, username: str) -> None:
    user = _account_named(username)
    record_security_event(
        action=Action.LOCKED_OUT,
        user=user,
        summary="Sign-in refused: too many failed attempts (locked for 30 minutes)",
    )


@transaction.atomic
def signed_out_recorded(*, user, reason: str = "Signed out") -> None:
    record_security_event(action=Action.SIGNED_OUT, user=user, summary=reason)


# --- second factors ----------------------------------------------------------------------


def confirmed_totp(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def mfa_enrolment_start(*, user) -> TOTPDevice:
    """The unconfirmed authenticator device the enrolment page shows (made once, then reused)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def mfa_enrolment_confirm(*, user, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device with a code from the app; returns fresh backup codes, or None if the
    code is wrong (the device's own throttling slows guessing)."""
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied("This is not your device to set up.")
    if not device.verify_token(token):
        sign_in_failed(username=user.username, reason="Wrong code while setting up the app")
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    codes = _issue_backup_codes(user)
    record_security_event(
        action=Action.MFA_ENROLLED,
        user=user,
        summary=f"Authenticator app set up; {len(codes)} backup codes issued",
    )
    return codes


def _issue_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def verify_code(*, user, token: str) -> TOTPDevice | None:
    """The user's confirmed authenticator device if ``token`` is its current code."""
    device = confirmed_totp(user)
    token = (token or "").strip().replace(" ", "")
    if device is None or not (token.isdigit() and len(token) == 6):
        return None
    with transaction.atomic():
        return device if device.verify_token(token) else None


def verify_backup_code(*, user, token: str) -> StaticDevice | None:
    """A backup code is used up by a successful sign-in."""
    token = (token or "").strip().replace(" ", "").lower()
    if not token.isalnum() or len(token) > 16:
        return None
    with transaction.atomic():
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(token):  # deletes the token it matched
                return device
    return None


# --- account administration (force administrators, own force only) ------------------------


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


@transaction.atomic
def account_create(
    *, user, username: str, first_name: str, last_name: str, role: str, teams, password: str
) -> User:
    _require(can_manage_accounts(user), "Only a force administrator can add accounts.")
    teams = list(teams)
    _require(
        all(team.force_id == user.force_id for team in teams),
        "You can only add accounts to the teams of your own force.",
    )
    errors = {}
    if role not in Role.values:
        errors["role"] = "Select a role"
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = "That username is already taken"
    candidate = User(username=username, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        errors["password"] = error.messages
    if errors:
        raise ValidationError(errors)
    account = User.objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        role=role,
        force_id=user.force_id,
    )
    account.teams.set(teams)
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=account,
        summary=f"Account created ({account.get_role_display()}); second factor set up at first sign-in",
        changed_fields=["username", "first_name", "last_name", "role", "teams"],
    )
    return account


@transaction.atomic
def account_deactivate(*, user, account: User) -> User:
    _require(can_deactivate_account(user, account), "You cannot deactivate this account.")
    if account.is_active:
        account.is_active = False
        account.save(update_fields=["is_active"])
        audit_record(
            actor=user,
            action=Action.CHANGED,
            obj=account,
            summary="Account deactivated",
            changed_fields=["is_active"],
        )
    return account


@transaction.atomic
def account_reactivate(*, user, account: User) -> User:
    _require(can_manage_account(user, account), "You cannot change this account.")
    if not account.is_active:
        account.is_active = True
        account.save(update_fields=["is_active"])
        audit_record(
            actor=user,
            action=Action.CHANGED,
            obj=account,
            summary="Account reactivated",
            changed_fields=["is_active"],
        )
    return account


@transaction.atomic
def mfa_reset(*, user, account: User) -> None:
    """A lost phone: the user sets up the app again at next sign-in (backup codes go too)."""
    _require(can_manage_account(user, account), "You cannot reset this account's second factor.")
    TOTPDevice.objects.filter(user=account).delete()
    StaticDevice.objects.filter(user=account).delete()
    record_security_event(
        action=Action.MFA_RESET,
        user=account,
        actor=user,
        summary="Second factor reset: the app is set up again at next sign-in",
    )


@transaction.atomic
def account_unlock(*, user, account: User) -> int:
    """Clear failed sign-in attempts for the account (the lockout ends at once)."""
    _require(can_manage_account(user, account), "You cannot unlock this account.")
    cleared = axes_reset(username=account.username)
    record_security_event(
        action=Action.UNLOCKED,
        user=account,
        actor=user,
        summary=f"Account unlocked ({cleared} failed attempt record{'s' if cleared != 1 else ''} cleared)",
    )
    return cleared


def team_choices(user):
    return Team.objects.filter(force_id=user.force_id)
