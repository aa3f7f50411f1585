"""Badges for levels and due dates (colour plus text), and the schedule panel."""

import html

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from arms_site.lib.dates import gov_date
from engagements.models import LevelChoice
from engagements.selectors import due_state, offender_schedule
from offenders.models import Status

register = template.Library()
LABELS = dict(LevelChoice.choices)


@register.filter
def level_badge(level):
    if not level:
        return mark_safe('<strong class="govuk-tag govuk-tag--grey">No level yet</strong>')
    return _badge(level, LABELS.get(level, level))


def _badge(kind: str, text: str):
    return mark_safe(
        f'<strong class="arms-badge arms-badge--{_escape(kind)}">{_escape(text)}</strong>'
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
    return _badge(state, text)


# --- the rows of the offender tables --------------------------------------------------------
# A list page draws 50 to 100 rows of 6 to 9 cells: built with plain string formatting around an
# escape of every value, as ``format_html`` would, without its per-call lazy-string checks.


def _escape(value) -> str:
    """``conditional_escape`` for the rows: safe HTML (a badge) as it is, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value), quote=True)


_PK_MARK = 987654321  # a number no URL pattern part holds, replaced by each row's id
STATUS_LABELS = dict(Status.choices)


def _detail_url_pattern() -> str:
    """The offender page's URL with ``{}`` for the id: one reverse() a page, not one a row."""
    return reverse("offenders:detail", args=[_PK_MARK]).replace(str(_PK_MARK), "{}")


def _date_or(day) -> str:
    return gov_date(day, short=True) if day else "Not scheduled"


def _cell(label: str, content, sort_value: str | None = None) -> str:
    # data-label: the column's name on a phone, where the table stacks into one card per row
    sort = "" if sort_value is None else f' data-sort-value="{sort_value}"'
    return f'<td class="govuk-table__cell" data-label="{label}"{sort}>{_escape(content)}</td>'


def _due_cell(label: str, due, badge) -> str:
    sort_value = f"{due:%Y%m%d}" if due else "99999999"
    return _cell(label, mark_safe(f"{_date_or(due)} {_escape(badge)}"), sort_value)


def _schedule_cells(offender, today) -> str:
    if offender.reactive:
        visit = _cell("Next home visit due", "None routine (reactive management)", "99999999")
    else:
        visit = _due_cell(
            "Next home visit due",
            offender.next_visit_due,
            due_badge(offender.next_visit_due, today),
        )
    if offender.reassessment_due_now:
        badge = mark_safe('<strong class="arms-badge arms-badge--due">Due now</strong>')
    else:
        badge = due_badge(offender.next_reassessment_due, today)
    reassessment = _due_cell("Next reassessment due", offender.next_reassessment_due, badge)
    return _cell("Level", level_badge(offender.level)) + visit + reassessment


@register.simple_tag
def offender_rows(offenders, show_schedule=False, today=None):
    """The rows of ``offenders/_offender_table.html``, built here rather than by a template loop
    (~10 template lookups per row cost more than the page's queries). Every value is escaped."""
    today = today or timezone.localdate()
    url = _detail_url_pattern()
    rows = []
    for offender in offenders:
        officer = offender.responsible_officer if offender.responsible_officer_id else None
        name = f'<a class="govuk-link" href="{url.format(offender.pk)}">'
        name += f"{_escape(offender.full_name)}</a>"
        cells = (
            _cell("Name", mark_safe(name)),
            _schedule_cells(offender, today) if show_schedule else "",
            _cell("Reference", offender.local_reference),
            _cell("Date of birth", gov_date(offender.date_of_birth, short=True)),
            _cell("Status", STATUS_LABELS.get(offender.status, offender.status)),
            _cell("Officer", officer or "Not allocated"),
        )
        rows.append(f'<tr class="govuk-table__row">{"".join(cells)}</tr>')
    return mark_safe("".join(rows))  # every value escaped by _escape


@register.simple_tag
def caseload_rows(offenders, today):
    """The rows of the dashboard's caseload table (``dashboard/caseload.html``), built as
    ``offender_rows`` is. Each offender carries ``days_overdue`` (set by the view)."""
    url = _detail_url_pattern()
    rows = []
    for o in offenders:
        name = f'<a class="govuk-link" href="{url.format(o.pk)}">{_escape(o.full_name)}</a>'
        reference = _escape(o.local_reference)
        name += f'<br><span class="govuk-hint govuk-!-margin-bottom-0">{reference}</span>'
        level = _escape(level_badge(o.level))
        if o.override_pending:
            level += '<br><strong class="govuk-tag govuk-tag--yellow">Override requested</strong>'
        if o.reactive:
            visit = "Reactive management"
        else:
            visit = f"{_date_or(o.next_visit_due)} {_escape(due_badge(o.next_visit_due, today))}"
        again = f"{_date_or(o.next_reassessment_due)} "
        again += _escape(due_badge(o.next_reassessment_due, today))
        if o.reassessment_due_now:
            again += DUE_NOW_CHANGE
        officer = o.responsible_officer if o.responsible_officer_id else "Not allocated"
        overdue = "" if o.days_overdue is None else o.days_overdue
        cells = (
            f'<td class="govuk-table__cell">{name}</td>',
            f'<td class="govuk-table__cell">{level}</td>',
            f'<td class="govuk-table__cell">{visit}</td>',
            f'<td class="govuk-table__cell">{again}</td>',
            f'<td class="govuk-table__cell govuk-table__cell--numeric">{_escape(overdue)}</td>',
            f'<td class="govuk-table__cell">{_escape(o.team.name)}<br>{_escape(officer)}</td>',
            f'<td class="govuk-table__cell">{_escape(STATUS_LABELS.get(o.status, o.status))}</td>',
        )
        rows.append(f'<tr class="govuk-table__row">{"".join(cells)}</tr>')
    return mark_safe("".join(rows))  # every value escaped by _escape


DUE_NOW_CHANGE = (
    '<br><strong class="arms-badge arms-badge--due">Due now: change of circumstances</strong>'
)


@register.inclusion_tag("engagements/_schedule_summary.html", takes_context=True)
def schedule_summary(context, offender):
    return {
        "offender": offender,
        "schedule": offender_schedule(offender),
        "today": timezone.localdate(),
        "user": context.get("user"),
    }
