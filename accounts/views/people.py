"""Account administration for force administrators: their own force's accounts only.

List, add (with a team and a role), deactivate or reactivate, reset the second factor (the user
sets up the app again at next sign-in) and unlock after too many failed sign-ins. Every action
is a service call with its audit entry; another force's account answers 404.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from arms_site.lib.views import form_page

from .. import services
from ..access import (
    account_for_user,
    accounts_for_user,
    can_deactivate_account,
    can_manage_accounts,
)
from ..forms import AccountForm


def _require_admin(user) -> None:
    if not can_manage_accounts(user):
        raise PermissionDenied("Only a force administrator manages accounts.")


def _locked_usernames(usernames) -> set[str]:
    """Usernames locked now: at the failure limit within the cool-off (one mistyped password
    leaves a record too, but does not lock)."""
    return set(
        AccessAttempt.objects.filter(
            username__in=list(usernames),
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
        ).values_list("username", flat=True)
    )


@require_GET
def account_list(request):
    _require_admin(request.user)
    accounts = (
        accounts_for_user(request.user)
        .prefetch_related("teams")
        .order_by("last_name", "first_name", "username")
    )
    page = Paginator(accounts, 100).get_page(request.GET.get("page"))
    locked = _locked_usernames(a.username for a in page.object_list)
    rows = [(account, account.username in locked) for account in page.object_list]
    return render(request, "accounts/account_list.html", {"page": page, "rows": rows})


@require_http_methods(["GET", "POST"])
def account_add(request):
    _require_admin(request.user)
    form = AccountForm(request.POST or None, teams=services.team_choices(request.user))
    created = {}

    def save(data):
        created["account"] = services.account_create(user=request.user, **data)

    response = form_page(
        request,
        form,
        save,
        title="Add an account",
        success="Account added: the user sets up their authenticator app when they first sign in",
        done_url=reverse("accounts"),
    )
    if "account" in created:
        return redirect("account", pk=created["account"].pk)
    return response


@require_GET
def account_detail(request, pk):
    _require_admin(request.user)
    account = account_for_user(request.user, pk)
    context = {
        "account": account,
        "locked": bool(_locked_usernames([account.username])),
        "has_second_factor": services.confirmed_totp(account) is not None,
        "can_deactivate": can_deactivate_account(request.user, account),
    }
    return render(request, "accounts/account_detail.html", context)


ACTIONS = {
    "deactivate": (services.account_deactivate, "Account deactivated"),
    "reactivate": (services.account_reactivate, "Account reactivated"),
    "reset-second-factor": (
        services.mfa_reset,
        "Second factor reset: the user sets up their app again at next sign-in",
    ),
    "unlock": (services.account_unlock, "Account unlocked"),
}


@require_POST
def account_action(request, pk, action):
    _require_admin(request.user)
    account = account_for_user(request.user, pk)
    if action not in ACTIONS:
        raise Http404("No such action")
    service, done = ACTIONS[action]
    service(user=request.user, account=account)
    messages.success(request, done)
    return redirect("account", pk=account.pk)
