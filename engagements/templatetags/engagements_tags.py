"""Badges for levels and due dates (colour plus text), and the schedule panel."""

from django import template
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


ROW = (
    '<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" '
    'href="{}">{}</a></td>{}<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td><td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td></tr>'
)
SCHEDULE_CELLS = '<td class="govuk-table__cell">{}</td><td class="govuk-table__cell">{} {}</td>'


@register.simple_tag
def offender_rows(offenders, show_schedule=False, today=None):
    """The rows of ``offenders/_offender_table.html``, built here rather than by a template loop:
    a list page shows 50 to 100 offenders, and ~10 template lookups per row cost more than
    the page's queries. Every value is escaped by ``format_html``."""
    today = today or timezone.localdate()
    rows = []
    for offender in offenders:
        schedule = ""
        if show_schedule:
            due = offender.next_due
            schedule = format_html(
                SCHEDULE_CELLS,
                level_badge(offender.level),
                dateformat.format(due, "j M Y") if due else "Not scheduled",
                due_badge(due, today),
            )
        officer = offender.responsible_officer if offender.responsible_officer_id else None
        rows.append(
            format_html(
                ROW,
                offender.get_absolute_url(),
                offender.full_name,
                schedule,
                offender.local_reference,
                dateformat.format(offender.date_of_birth, "j M Y"),
                offender.get_status_display(),
                officer or "Not allocated",
            )
        )
    return mark_safe("".join(rows))  # each row escaped by format_html


@register.inclusion_tag("engagements/_schedule_summary.html", takes_context=True)
def schedule_summary(context, offender):
    return {
        "offender": offender,
        "schedule": offender_schedule(offender),
        "today": timezone.localdate(),
        "user": context.get("user"),
    }
