"""Offender pages. Thin: resolve through the access helper, bind the form, call one service."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from arms_site.lib.forms import apply_validation_error
from audit.models import AuditEvent
from audit.services import record_viewed

from . import hooks, services
from .access import can_add_offender, can_see_offender_history, offender_for_user
from .forms import (
    AddressForm,
    AliasForm,
    CourtAppearanceForm,
    OffenceForm,
    OffenderForm,
    RelationshipForm,
    SearchForm,
)
from .models import CourtAppearance
from .selectors import offender_search_page

SEARCH_PAGE_SIZE = 50


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = page = None
    if form.is_valid() and form.cleaned_data["q"]:
        # Best matches first, a page at a time: a common surname matches hundreds in a force.
        page = offender_search_page(
            request.user, form.cleaned_data["q"], request.GET.get("page"), SEARCH_PAGE_SIZE
        )
        results = list(page.object_list)
        # The terms may name a person, so the log records that a search was made, not its words.
        record_viewed(
            user=request.user,
            summary=f"Offender search made ({len(results)} result{pluralize(len(results))}"
            + (f", page {page.number})" if page.number > 1 else ")"),
        )
    query = urlencode({"q": form.cleaned_data["q"]}) if page else ""
    return render(
        request,
        "offenders/search.html",
        {"form": form, "results": results, "page": page, "query_string": query},
    )


@require_http_methods(["GET", "POST"])
def offender_create(request):
    if not can_add_offender(request.user):
        raise PermissionDenied("Your role cannot add records.")
    form = OffenderForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            offender = services.offender_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Record created for {offender.full_name}")
            return redirect(offender)
    return render(request, "offenders/form.html", {"form": form, "title": "Add an offender"})


@require_GET
def offender_detail(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="Summary viewed")
    addresses = list(offender.addresses.all())  # newest first: the current one is among them
    context = {
        "offender": offender,
        "tab": "summary",
        "current_address": next((a for a in addresses if a.end_date is None), None),
        "addresses": addresses,
        "aliases": offender.aliases.all(),
        "relationships": offender.relationships.all(),
        # What the feature apps flag about the offender (offenders.hooks.summary_panel).
        "panels": hooks.summary_panels(request.user, offender, timezone.localdate()),
    }
    return render(request, "offenders/detail.html", context)


@require_GET
def offender_appearances(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="Court appearances viewed")
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
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Record opened for editing")
    if request.method == "POST" and form.is_valid():
        try:
            services.offender_update(user=request.user, offender=offender, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
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
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary=f"{title} form opened")
    if request.method == "POST" and form.is_valid():
        try:
            service(offender, form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
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
def relationship_add(request, pk):
    return _child_form_view(
        request,
        pk,
        RelationshipForm,
        lambda offender, data: services.relationship_add(
            user=request.user, offender=offender, **data
        ),
        "Add a relationship",
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
    form = OffenceForm(request.POST or None, appearance=appearance)
    if request.method == "GET":
        record_viewed(
            user=request.user,
            offender=offender,
            obj=appearance,
            summary="Add an offence form opened",
        )
    if request.method == "POST" and form.is_valid():
        services.offence_add(user=request.user, appearance=appearance, **form.cleaned_data)
        messages.success(request, "Offence added")
        return redirect("offenders:appearances", pk=offender.pk)
    return render(
        request,
        "offenders/form.html",
        {"form": form, "title": f"Add an offence to {appearance}", "offender": offender},
    )


@require_GET
def offender_history(request, pk):
    offender = offender_for_user(request.user, pk)
    if not can_see_offender_history(request.user, offender):
        raise PermissionDenied("Only supervisors and auditors can see the audit history.")
    record_viewed(user=request.user, offender=offender, summary="Audit history viewed")
    events = AuditEvent.objects.filter(offender=offender).select_related("actor")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "offenders/history.html",
        {"offender": offender, "tab": "history", "page": page, "events": page.object_list},
    )
