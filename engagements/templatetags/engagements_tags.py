"""Badges for levels and due dates (colour plus text), and the schedule panel."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from engagements.models import LevelChoice
from engagements.selectors import due_state, offender_schedule

register = template.Library()
LABELS = dict(LevelChoice.choices)


@register.filter
def level_badge(level):
    if not level:
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "No level yet")
    return format_html(
        '<strong class="arms-badge arms-badge--{}">{}</strong>', level, LABELS.get(level, level)
    )


@register.filter
def level_label(level):
    return LABELS.get(level, "")


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


@register.simple_tag
def due_badge(due, today=None):
    """ "Overdue by 3 days" / "Due in 5 days" / "Due today"; nothing while the date is far off."""
    today = today or timezone.localdate()
    state = due_state(due, today)
    if state == "overdue":
        text = f"Overdue by {_days((today - due).days)}"
    elif state == "due":
        days = (due - today).days
        text = "Due today" if days == 0 else f"Due in {_days(days)}"
    else:
        return ""
    return format_html('<strong class="arms-badge arms-badge--{}">{}</strong>', state, text)


@register.inclusion_tag("engagements/_schedule_summary.html", takes_context=True)
def schedule_summary(context, offender):
    return {
        "offender": offender,
        "schedule": offender_schedule(offender),
        "today": timezone.localdate(),
        "user": context.get("user"),
    }
