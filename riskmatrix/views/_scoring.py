"""The one scoring page both tools share: not applicable, or the pre-filled form → one service."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from arms_site.lib.forms import apply_validation_error
from audit.services import record_viewed
from offenders.access import offender_for_user


@dataclass(frozen=True)
class ScoringPage:
    """What differs between Risk Matrix 2000 and OSP on their "start" page."""

    tab: str
    title: str
    template: str
    not_applicable_template: str
    history_url: str
    viewed_summary: str
    not_applicable_summary: str
    not_applicable_reason: Callable  # (offender, today) -> str | None
    propose: Callable  # (offender, today) -> proposal
    form_class: type
    record: Callable  # the service: (user=, offender=, assessment_date=, answers=, reasons=)
    scored_message: Callable  # record -> str


def scoring_page(request, pk, page: ScoringPage):
    offender = offender_for_user(request.user, pk, for_change=True)
    today = timezone.localdate()
    if reason := page.not_applicable_reason(offender, today):
        record_viewed(user=request.user, offender=offender, summary=page.not_applicable_summary)
        return render(
            request,
            page.not_applicable_template,
            {"offender": offender, "tab": page.tab, "reason": reason},
        )
    proposal = page.propose(offender, today)
    form = page.form_class(request.POST or None, proposal=proposal, offender=offender)
    if request.method == "POST" and form.is_valid():
        try:
            record = page.record(
                user=request.user,
                offender=offender,
                assessment_date=today,
                answers=form.answers(),
                reasons=form.reasons(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, page.scored_message(record))
            return redirect(record)
    record_viewed(user=request.user, offender=offender, summary=page.viewed_summary)
    return render(
        request,
        page.template,
        {
            "form": form,
            "title": page.title,
            "offender": offender,
            "assessment_date": today,
            "back_url": reverse(page.history_url, args=[offender.pk]),
        },
    )
