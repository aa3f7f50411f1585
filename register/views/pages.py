"""The Register tab and the registration forms. Thin: access helper, form, one service."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from arms_site.lib.views import form_page
from audit.services import record_viewed

from .. import services
from ..access import can_change_register, register_for_user
from ..forms import RegistrationEndForm, RegistrationForm
from ..models import NotificationKind
from ..selectors import history


def detail_url(offender) -> str:
    return reverse("register:detail", args=[offender.pk])


@require_GET
def detail(request, pk):
    offender, _registration = register_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="Register viewed")
    today = timezone.localdate()
    return render(
        request,
        "register/detail.html",
        {
            "offender": offender,
            "tab": "register",
            "history": history(offender),
            "today": today,
            "can_change": can_change_register(request.user, offender),
            "kinds": NotificationKind.choices,
        },
    )


REGISTRATION_FIELDS = (
    "relevant_date",
    "disposal",
    "custody_months",
    "discharge_months",
    "age_on_relevant_date",
    "first_notified_on",
    "no_fixed_abode",
)


@require_http_methods(["GET", "POST"])
def registration(request, pk):
    offender, current = register_for_user(request.user, pk, for_change=True)
    initial = {name: getattr(current, name) for name in REGISTRATION_FIELDS} if current else {}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Registration form opened")

    def save(data):
        services.registration_record(
            user=request.user, offender=offender, **{k: data[k] for k in REGISTRATION_FIELDS}
        )

    return form_page(
        request,
        form,
        save,
        title="Correct the registration" if current else "Record the registration",
        success="Registration saved",
        done_url=detail_url(offender),
        offender=offender,
    )


@require_http_methods(["GET", "POST"])
def registration_end(request, pk):
    offender, current = register_for_user(request.user, pk, for_change=True)
    if current is None or not current.on_register:
        raise Http404("No registration in force")
    form = RegistrationEndForm(request.POST or None)
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Off the register form opened")

    def save(data):
        current.offender = offender
        services.registration_end(
            user=request.user, registration=current, reason=data["reason"], off_on=data["off_on"]
        )

    return form_page(
        request,
        form,
        save,
        title="Take off the register",
        success="Taken off the register",
        done_url=detail_url(offender),
        offender=offender,
    )
