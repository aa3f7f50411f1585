"""The access policy for accounts: who may administer whose account.

A force administrator manages the accounts of their own force, and nobody else's: another
force's account answers 404, so its existence does not leak. Views, services and templates ask
these functions, never the user's role.
"""

from django.http import Http404

from .models import Role, User


def can_manage_accounts(user) -> bool:
    return getattr(user, "role", None) == Role.FORCE_ADMIN and user.force_id is not None


def can_manage_account(user, account: User) -> bool:
    return can_manage_accounts(user) and account.force_id == user.force_id


def can_deactivate_account(user, account: User) -> bool:
    """Not oneself: a force must never lock out its last administrator by accident."""
    return can_manage_account(user, account) and account.pk != user.pk


def accounts_for_user(user):
    if not can_manage_accounts(user):
        return User.objects.none()
    return User.objects.filter(force_id=user.force_id)


def account_for_user(user, pk) -> User:
    try:
        return accounts_for_user(user).prefetch_related("teams").get(pk=pk)
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404("No account found") from None
