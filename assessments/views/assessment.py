"""ARMS pages. Thin: resolve through the access helpers, bind the form, call one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from arms_site.lib.forms import apply_validation_error
from audit.services import record_viewed
from offenders.access import offender_for_user

from .. import selectors, services
from ..access import (
    assessment_for_user,
    can_countersign_assessment,
    can_decide_submitted,
    can_edit_assessment,
)
from ..charts import progress_chart_svg
from ..forms import CountersignForm, FactorForm, SubmitForm
from ..models import Factor, OverrideStatus


def _locked_redirect(request, offender, assessment):
    messages.error(
        request, services.LOCKED_MESSAGE if assessment.is_locked else services.SUBMITTED_MESSAGE
    )
    return redirect("assessments:summary", offender.pk, assessment.pk)


def _charts(offender, progress):
    risk = [s for s in progress.series if not s.protective]
    protective = [s for s in progress.series if s.protective]
    name = offender.full_name
    return [
        (
            title,
            mark_safe(  # noqa: S308 - every text in the SVG is escaped by progress_chart_svg
                progress_chart_svg(
                    chart_id=chart_id,
                    title=f"{title} of {name} across countersigned assessments",
                    description=description,
                    dates=progress.dates,
                    series=series,
                )
            ),
        )
        for chart_id, title, description, series in (
            (
                "arms-risk-chart",
                "Risk factor ratings",
                "Lower is better. The same figures are in the table below the charts.",
                risk,
            ),
            (
                "arms-protective-chart",
                "Protective factor ratings",
                "Higher is better. The same figures are in the table below the charts.",
                protective,
            ),
        )
    ]


@require_GET
def assessment_list(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(
        user=request.user, offender=offender, summary="ARMS assessments and progress viewed"
    )
    progress = selectors.progress_over_time(offender)
    rows = [
        (series, list(zip(progress.dates, series.values, strict=True)))
        for series in progress.series
    ]
    context = {
        "offender": offender,
        "tab": "arms",
        "assessments": selectors.assessments_for_offender(offender),
        "open_assessment": selectors.open_assessment(offender),
        "progress": progress,
        "progress_rows": rows,
        "charts": _charts(offender, progress) if progress.dates else [],
    }
    return render(request, "assessments/list.html", context)


@require_POST
def assessment_start(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    try:
        assessment, created = services.assessment_start(user=request.user, offender=offender)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessments:list", offender.pk)
    if created:
        messages.success(
            request,
            "Assessment started"
            + (" from the last countersigned assessment" if assessment.previous_id else ""),
        )
    else:
        messages.info(
            request, "This offender already has an assessment in progress: carry on with it"
        )
    return redirect("assessments:tasks", offender.pk, assessment.pk)


@require_GET
def task_list(request, pk, assessment_pk):
    offender, assessment = assessment_for_user(request.user, pk, assessment_pk)
    if not assessment.is_editable:
        return redirect("assessments:summary", offender.pk, assessment.pk)
    record_viewed(user=request.user, offender=offender, summary="ARMS assessment task list viewed")
    ratings = selectors.ratings_of(assessment)
    completed = sum(r.is_complete for r in ratings)
    return render(
        request,
        "assessments/task_list.html",
        {
            "offender": offender,
            "assessment": assessment,
            "ratings": ratings,
            "completed": completed,
            "can_edit": can_edit_assessment(request.user, assessment),
        },
    )


@require_http_methods(["GET", "POST"])
def factor_edit(request, pk, assessment_pk, code):
    offender, assessment = assessment_for_user(request.user, pk, assessment_pk, for_change=True)
    factor = get_object_or_404(Factor, framework=assessment.framework, code=code)
    if not assessment.is_editable:
        return _locked_redirect(request, offender, assessment)
    row = assessment.ratings.get(factor=factor)
    form = FactorForm(
        request.POST or None,
        factor=factor,
        initial=FactorForm.initial_for(row, assessment.version),
    )
    stale = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.factor_save(
                user=request.user,
                assessment=assessment,
                factor=factor,
                expected_version=data["version"],
                rated=data["rated"],
                rating=data["rating"],
                evidence=data["evidence"],
                sources=data["sources"],
                insufficient_information_note=data["insufficient_information_note"],
                work_needed=data["work_needed"],
            )
        except services.StaleAssessmentError as error:
            stale = True
            form.add_error(None, error.message)
            # Their text stays in the bound form; the hidden version moves on so that, having
            # compared it with what was saved, they can save again deliberately.
            form.data = form.data.copy()
            form.data["version"] = error.current_version
            row.refresh_from_db()
        except ValidationError as error:
            if error.code in {"locked", "submitted"}:
                return _locked_redirect(request, offender, assessment)
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{factor.name} saved")
            return redirect(_next_url(offender, assessment, factor))
    record_viewed(
        user=request.user, offender=offender, summary=f"ARMS factor page viewed: {factor.name}"
    )
    return render(
        request,
        "assessments/factor.html",
        {
            "form": form,
            "title": factor.name,
            "offender": offender,
            "assessment": assessment,
            "factor": factor,
            "context": selectors.factor_context(assessment, factor),
            "stale": stale,
            "saved_row": row if stale else None,
            "back_url": reverse("assessments:tasks", args=[offender.pk, assessment.pk]),
        },
    )


def _next_url(offender, assessment, factor):
    following = assessment.framework.factors.filter(order__gt=factor.order).first()
    if following is None:
        return reverse("assessments:summary", args=[offender.pk, assessment.pk])
    return reverse("assessments:factor", args=[offender.pk, assessment.pk, following.code])


@require_http_methods(["GET", "POST"])
def summary(request, pk, assessment_pk):
    offender, assessment = assessment_for_user(request.user, pk, assessment_pk)
    ratings = selectors.ratings_of(assessment)
    missing = [r for r in ratings if not r.is_complete]
    form = None
    result = None
    if not missing and assessment.is_editable:
        result = selectors.priority_for(assessment)
    may_edit = can_edit_assessment(request.user, assessment)
    if assessment.is_editable and may_edit:
        form = SubmitForm(
            request.POST or None,
            initial={
                "version": assessment.version,
                "override_priority": assessment.override_priority or "keep",
                "override_rationale": assessment.override_rationale,
            },
        )
    elif request.method == "POST":
        if not may_edit:
            raise PermissionDenied("Your role can view assessments but not change them.")
        return _locked_redirect(request, offender, assessment)
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_submit(
                user=request.user,
                assessment=assessment,
                expected_version=data["version"],
                override_priority=data["override_priority"],
                override_rationale=data["override_rationale"],
            )
        except services.StaleAssessmentError as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            if error.code in {"locked", "submitted"}:
                return _locked_redirect(request, offender, assessment)
            apply_validation_error(form, error)
        else:
            messages.success(request, "Assessment submitted for countersignature")
            return redirect("assessments:list", offender.pk)
    record_viewed(user=request.user, offender=offender, summary="ARMS assessment summary viewed")
    return render(
        request,
        "assessments/summary.html",
        {
            "offender": offender,
            "assessment": assessment,
            "ratings": ratings,
            "missing": missing,
            "result": result,
            "form": form,
            "changes": selectors.changes_since_previous(assessment, ratings),
            "transitions": assessment.transitions.select_related("by"),
            "can_countersign": can_decide_submitted(request.user, assessment),
        },
    )


@require_http_methods(["GET", "POST"])
def countersign(request, pk, assessment_pk):
    offender, assessment = assessment_for_user(request.user, pk, assessment_pk, for_change=True)
    if not can_countersign_assessment(request.user, assessment):
        raise PermissionDenied(
            "You cannot countersign this assessment: it needs a supervisor of the offender's "
            "team (or a force administrator) who did not write it."
        )
    if assessment.status != "submitted":
        messages.error(request, "This assessment is not awaiting countersignature")
        return redirect("assessments:summary", offender.pk, assessment.pk)
    override = assessment.override_status == OverrideStatus.REQUESTED
    form = CountersignForm(request.POST or None, override_requested=override)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "return":
                services.assessment_return(
                    user=request.user, assessment=assessment, comment=data["comment"]
                )
                messages.success(request, "Assessment returned to the officer")
            else:
                approve = {"yes": True, "no": False}.get(data.get("approve_override") or "")
                services.assessment_countersign(
                    user=request.user,
                    assessment=assessment,
                    approve_override=approve,
                    comment=data["comment"],
                )
                messages.success(request, "Assessment countersigned")
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("assessments:list", offender.pk)
    record_viewed(
        user=request.user, offender=offender, summary="ARMS assessment countersignature page viewed"
    )
    return render(
        request,
        "assessments/countersign.html",
        {
            "form": form,
            "title": "Countersign the assessment",
            "offender": offender,
            "assessment": assessment,
            "ratings": selectors.ratings_of(assessment),
            "changes": selectors.changes_since_previous(assessment),
            "back_url": reverse("assessments:summary", args=[offender.pk, assessment.pk]),
        },
    )
