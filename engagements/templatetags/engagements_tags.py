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


def _cell(label: str, content, sort_value: str | None = None):
    # data-label: the column's name on a phone, where the table stacks into one card per row
    if sort_value is None:
        return format_html('<td class="govuk-table__cell" data-label="{}">{}</td>', label, content)
    return format_html(
        '<td class="govuk-table__cell" data-label="{}" data-sort-value="{}">{}</td>',
        label,
        sort_value,
        content,
    )


def _due_cell(label: str, due, badge):
    text = dateformat.format(due, "j M Y") if due else "Not scheduled"
    sort_value = dateformat.format(due, "Ymd") if due else "99999999"
    return _cell(label, format_html("{} {}", text, badge), sort_value)


def _schedule_cells(offender, today):
    if offender.reactive:
        visit = _cell("Next home visit due", "None routine (reactive management)", "99999999")
    else:
        visit = _due_cell(
            "Next home visit due",
            offender.next_visit_due,
            due_badge(offender.next_visit_due, today),
        )
    if offender.reassessment_due_now:
        badge = format_html('<strong class="arms-badge arms-badge--due">{}</strong>', "Due now")
    else:
        badge = due_badge(offender.next_reassessment_due, today)
    reassessment = _due_cell("Next reassessment due", offender.next_reassessment_due, badge)
    return format_html("{}{}{}", _cell("Level", level_badge(offender.level)), visit, reassessment)


@register.simple_tag
def offender_rows(offenders, show_schedule=False, today=None):
    """The rows of ``offenders/_offender_table.html``, built here rather than by a template loop:
    a list page shows 50 to 100 offenders, and ~10 template lookups per row cost more than
    the page's queries. Every value is escaped by ``format_html``."""
    today = today or timezone.localdate()
    rows = []
    for offender in offenders:
        officer = offender.responsible_officer if offender.responsible_officer_id else None
        name = format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            offender.get_absolute_url(),
            offender.full_name,
        )
        cells = [
            _cell("Name", name),
            _schedule_cells(offender, today) if show_schedule else "",
            _cell("Reference", offender.local_reference),
            _cell("Date of birth", dateformat.format(offender.date_of_birth, "j M Y")),
            _cell("Status", offender.get_status_display()),
            _cell("Officer", officer or "Not allocated"),
        ]
        rows.append(format_html('<tr class="govuk-table__row">{}</tr>', mark_safe("".join(cells))))
    return mark_safe("".join(rows))  # each cell escaped by format_html


@register.inclusion_tag("engagements/_schedule_summary.html", takes_context=True)
def schedule_summary(context, offender):
    return {
        "offender": offender,
        "schedule": offender_schedule(offender),
        "today": timezone.localdate(),
        "user": context.get("user"),
    }
