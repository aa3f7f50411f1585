"""Offender pages. Thin: resolve through the access helper, bind the form, call one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from audit.models import Action, AuditEvent
from audit.services import audit_record

from . import services
from .access import offender_for_user
from .forms import (
    AddressForm,
    AliasForm,
    CourtAppearanceForm,
    OffenceForm,
    OffenderForm,
    SearchForm,
)
from .models import CourtAppearance
from .selectors import current_address, offender_search


def audit_view(request, offender, what: str) -> None:
    """Consultation is logged too (DPA 2018 s.62): one entry per offender page viewed."""
    audit_record(
        actor=request.user, action=Action.VIEWED, offender=offender, obj=offender, summary=what
    )


def audit_list_view(request, what: str) -> None:
    """A list of offenders is consultation too: one entry per page shown, naming the viewer
    (per-offender entries for every row of every list would drown the log)."""
    audit_record(actor=request.user, action=Action.VIEWED, obj=request.user, summary=what)


def _apply_validation_error(form, error: ValidationError) -> None:
    """Show model-level validation (from a service) as field errors on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def caseload(request):
    # Level and due dates from the engagements schedule: very high first, then most overdue.
    from engagements.selectors import caseload_with_schedule

    today = timezone.localdate()
    offenders = caseload_with_schedule(request.user, today)
    page = Paginator(offenders, 50).get_page(request.GET.get("page"))
    shown = len(page.object_list)
    audit_list_view(
        request, f"Caseload list viewed (page {page.number}, {shown} offender{pluralize(shown)})"
    )
    return render(
        request,
        "offenders/caseload.html",
        {
            "page": page,
            "offenders": page.object_list,
            "search_form": SearchForm(),
            "show_schedule": True,
            "today": today,
        },
    )


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = list(offender_search(request.user, form.cleaned_data["q"])[:100])
        # The terms may name a person, so the log records that a search was made, not its words.
        audit_list_view(
            request, f"Offender search made ({len(results)} result{pluralize(len(results))})"
        )
    return render(request, "offenders/search.html", {"form": form, "results": results})


@require_http_methods(["GET", "POST"])
def offender_create(request):
    if not request.user.can_edit_records:
        raise PermissionDenied("Your role cannot add records.")
    form = OffenderForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            offender = services.offender_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_validation_error(form, error)
        else:
            messages.success(request, f"Record created for {offender.full_name}")
            return redirect(offender)
    return render(request, "offenders/form.html", {"form": form, "title": "Add an offender"})


def offender_detail(request, pk):
    # The summary gathers what later features flag about the offender (plan actions overdue).
    from formulations.selectors import overdue_actions

    offender = offender_for_user(request.user, pk)
    audit_view(request, offender, "Summary viewed")
    context = {
        "offender": offender,
        "tab": "summary",
        "current_address": current_address(offender),
        "addresses": offender.addresses.all(),
        "aliases": offender.aliases.all(),
        "overdue_actions": overdue_actions(offender, timezone.localdate()),
    }
    return render(request, "offenders/detail.html", context)


def offender_appearances(request, pk):
    offender = offender_for_user(request.user, pk)
    audit_view(request, offender, "Court appearances viewed")
    appearances = offender.court_appearances.prefetch_related("offences")
    return render(
        request,
        "offenders/appearances.html",
        {"offender": offender, "tab": "appearances", "appearances": appearances},
    )


@require_http_methods(["GET", "POST"])
def offender_edit(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    form = OffenderForm(request.POST or None, user=request.user, instance=offender)
    if request.method == "POST" and form.is_valid():
        try:
            services.offender_update(user=request.user, offender=offender, **form.cleaned_data)
        except ValidationError as error:
            _apply_validation_error(form, error)
        else:
            messages.success(request, "Record updated")
            return redirect(offender)
    return render(
        request,
        "offenders/form.html",
        {"form": form, "title": f"Change {offender.full_name}", "offender": offender},
    )


def _child_form_view(request, pk, form_class, service, title, form_kwargs=None):
    offender = offender_for_user(request.user, pk, for_change=True)
    extra = form_kwargs(offender) if form_kwargs else {}
    form = form_class(request.POST or None, **extra)
    if request.method == "POST" and form.is_valid():
        try:
            service(offender, form.cleaned_data)
        except ValidationError as error:
            _apply_validation_error(form, error)
        else:
            messages.success(request, f"{title} saved")
            return redirect(offender)
    return render(
        request, "offenders/form.html", {"form": form, "title": title, "offender": offender}
    )


@require_http_methods(["GET", "POST"])
def alias_add(request, pk):
    return _child_form_view(
        request,
        pk,
        AliasForm,
        lambda offender, data: services.alias_add(user=request.user, offender=offender, **data),
        "Add an alias",
    )


@require_http_methods(["GET", "POST"])
def address_add(request, pk):
    return _child_form_view(
        request,
        pk,
        AddressForm,
        lambda offender, data: services.address_add(user=request.user, offender=offender, **data),
        "Add an address",
    )


@require_http_methods(["GET", "POST"])
def appearance_add(request, pk):
    def save(offender, data):
        offence = {name: data.pop(name) for name in CourtAppearanceForm.OFFENCE_FIELDS}
        services.court_appearance_add(
            user=request.user, offender=offender, offences=[offence], **data
        )

    return _child_form_view(
        request,
        pk,
        CourtAppearanceForm,
        save,
        "Add a court appearance",
        form_kwargs=lambda offender: {"offender": offender},
    )


@require_http_methods(["GET", "POST"])
def offence_add(request, pk, appearance_pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    appearance = get_object_or_404(CourtAppearance, pk=appearance_pk, offender=offender)
    form = OffenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.offence_add(user=request.user, appearance=appearance, **form.cleaned_data)
        messages.success(request, "Offence added")
        return redirect("offenders:appearances", pk=offender.pk)
    return render(
        request,
        "offenders/form.html",
        {"form": form, "title": f"Add an offence to {appearance}", "offender": offender},
    )


def offender_history(request, pk):
    offender = offender_for_user(request.user, pk)
    if not request.user.can_see_audit:
        raise PermissionDenied("Only supervisors and auditors can see the audit history.")
    audit_view(request, offender, "Audit history viewed")
    events = AuditEvent.objects.filter(offender=offender).select_related("actor")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "offenders/history.html",
        {"offender": offender, "tab": "history", "page": page, "events": page.object_list},
    )
