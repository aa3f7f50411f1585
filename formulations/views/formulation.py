"""Formulation pages on the offender record. Thin: access helper, form, one service, redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from arms_site.lib.forms import apply_validation_error
from audit.services import record_viewed
from offenders.access import can_change_offender, offender_for_user

from .. import services
from ..access import (
    action_for_user,
    can_export_draft_formulation,
    can_export_formulation,
    formulation_for_user,
)
from ..context import formulation_context
from ..forms import FormulationForm, PlanActionForm
from ..models import ActionStatus
from ..pdf import formulation_pdf, pdf_filename
from ..selectors import (
    countersigned_formulation,
    draft_formulation,
    formulation_versions,
    latest_assessment,
)


def _editable_formulation(request, pk):
    """The latest formulation if this user may change it now; 403/404 otherwise."""
    offender, formulation = formulation_for_user(request.user, pk, for_change=True)
    if formulation is None:
        raise Http404("No formulation yet")
    if not formulation.is_editable:
        raise PermissionDenied(services.LOCKED_MESSAGE)
    return offender, formulation


def _draft_summary(offender, draft):
    return {"draft_formulation": draft, "draft_assessment": draft.assessment if draft else None}


@require_GET
def detail(request, pk):
    """The countersigned formulation (what a meeting is shown), and a pointer to the draft."""
    offender = offender_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="Case formulation viewed")
    versions = formulation_versions(offender)
    formulation, latest = versions.countersigned, versions.latest
    assessment = latest_assessment(offender)
    context = formulation_context(offender, formulation, today=timezone.localdate())
    context.update(
        _draft_summary(offender, versions.draft),
        tab="formulation",
        latest=assessment,
        can_export=formulation is not None and can_export_formulation(request.user, offender),
        can_start=can_change_offender(request.user, offender)
        and assessment is not None
        and assessment.is_editable
        and (latest is None or latest.assessment_id != assessment.pk),
    )
    return render(request, "formulations/detail.html", context)


@require_GET
def draft(request, pk):
    """The formulation in progress, with its editing actions and the deliberate draft export."""
    offender = offender_for_user(request.user, pk)
    formulation = draft_formulation(offender)
    if formulation is None:
        messages.info(request, "There is no draft case formulation in progress.")
        return redirect("formulations:detail", pk=offender.pk)
    record_viewed(user=request.user, offender=offender, summary="Draft case formulation viewed")
    context = formulation_context(offender, formulation, today=timezone.localdate(), draft=True)
    context.update(
        tab="formulation",
        can_edit=can_change_offender(request.user, offender) and formulation.is_editable,
        can_export_draft=can_export_draft_formulation(request.user, offender),
    )
    return render(request, "formulations/draft.html", context)


@require_POST
def start(request, pk):
    offender, _ = formulation_for_user(request.user, pk, for_change=True)
    assessment = latest_assessment(offender)
    if assessment is None:
        raise Http404("No ARMS assessment yet")
    try:
        services.formulation_start(user=request.user, assessment=assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Case formulation started")
        return redirect("formulations:draft", pk=offender.pk)
    return redirect("formulations:detail", pk=offender.pk)


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    offender, formulation = _editable_formulation(request, pk)
    initial = {f: getattr(formulation, f) for f in services.FORMULATION_FIELDS}
    initial["version"] = formulation.version
    form = FormulationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.formulation_update(
                user=request.user, formulation=formulation, version=data.pop("version"), **data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Case formulation saved")
            return redirect("formulations:draft", pk=offender.pk)
    record_viewed(
        user=request.user, offender=offender, summary="Case formulation opened for editing"
    )
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Edit the case formulation",
            "offender": offender,
            "back_url": formulation.get_absolute_url(),
        },
    )


def _action_page(request, offender, formulation, form, title):
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": title,
            "offender": offender,
            "back_url": formulation.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    offender, formulation = _editable_formulation(request, pk)
    form = PlanActionForm(
        request.POST or None,
        framework=formulation.assessment.framework,
        initial={"status": ActionStatus.OPEN, "heading": request.GET.get("heading")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_action_create(
                user=request.user, formulation=formulation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Plan action added")
            return redirect("formulations:draft", pk=offender.pk)
    record_viewed(user=request.user, offender=offender, summary="Plan action form opened")
    return _action_page(request, offender, formulation, form, "Add a plan action")


@require_http_methods(["GET", "POST"])
def action_edit(request, pk, action_pk):
    offender, action = action_for_user(request.user, pk, action_pk, for_change=True)
    formulation = action.formulation
    if not formulation.is_editable:
        raise PermissionDenied(services.LOCKED_MESSAGE)
    initial = {f: getattr(action, f) for f in services.ACTION_FIELDS}
    initial["factors"] = list(action.factors.all())
    form = PlanActionForm(
        request.POST or None, framework=formulation.assessment.framework, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_action_update(user=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Plan action saved")
            return redirect("formulations:draft", pk=offender.pk)
    record_viewed(user=request.user, offender=offender, summary="Plan action opened for editing")
    return _action_page(request, offender, formulation, form, "Change a plan action")


def _pdf_response(request, offender, formulation, *, draft: bool):
    context = formulation_context(offender, formulation, today=timezone.localdate(), draft=draft)
    data = formulation_pdf(context, user=request.user)
    services.record_disclosure(
        user=request.user,
        offender=offender,
        obj=formulation,
        summary="Draft case formulation PDF downloaded"
        if draft
        else "Case formulation PDF downloaded",
        recipients=f"{request.user.get_full_name() or request.user.username} (PDF download)",
        draft=draft,
    )
    response = HttpResponse(data, content_type="application/pdf")
    kind = "formulation-DRAFT" if draft else "formulation"
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(offender, kind)}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def pdf(request, pk):
    """The countersigned formulation: what leaves the system unless a draft is asked for."""
    offender = offender_for_user(request.user, pk)
    if not can_export_formulation(request.user, offender):
        raise PermissionDenied("You cannot export this record.")
    formulation = countersigned_formulation(offender)
    if formulation is None:
        raise Http404("No countersigned formulation yet")
    return _pdf_response(request, offender, formulation, draft=False)


@require_GET
def draft_pdf(request, pk):
    """The draft in progress, exported deliberately: DRAFT on every page and in the title."""
    offender = offender_for_user(request.user, pk)
    if not can_export_draft_formulation(request.user, offender):
        raise PermissionDenied("Only those who write the formulation may download its draft.")
    formulation = draft_formulation(offender)
    if formulation is None:
        raise Http404("No draft formulation")
    return _pdf_response(request, offender, formulation, draft=True)
