"""Dashboard pages: the headline figures, the per-officer table, the filtered list and its CSV."""

import csv
from urllib.parse import urlencode

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from accounts.models import Role

from . import charts, services
from .caseload import (
    COUNT_CAP,
    caseload_list,
    csv_rows,
    days_overdue,
)
from .caseload_pages import caseload_paginator
from .compliance import compliance_figures
from .forms import CaseloadFilterForm
from .selectors import (
    dashboard_figures,
    overdue_history,
    plan_action_model,
)
from .teams import GROUP_FROM_OFFICERS, team_table


class ListLinks:
    """Links to the caseload list with filters. ``reverse`` runs once per page, not per link:
    the per-officer table has four links per officer, hundreds for a force."""

    def __init__(self):
        self.base = reverse("dashboard:caseload")

    def __call__(self, **filters) -> str:
        query = urlencode({k: v for k, v in filters.items() if v not in (None, "")})
        return f"{self.base}?{query}" if query else self.base


# One row of the per-officer table, built once per officer: a force has dozens of officers, and
# rendering ~20 template variables (with number localisation) per row cost more than the query.
OFFICER_ROW = (
    '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{name}</th>'
    "{cells}</tr>"
)
OFFICER_CELL = (
    '<td class="govuk-table__cell govuk-table__cell--numeric" data-sort-value="{value}">'
    '<a class="govuk-link" href="{url}">{value}'
    '<span class="govuk-visually-hidden"> {what} for {name}</span></a></td>'
)
OFFICER_COLUMNS = [  # (figure, list filters, what the hidden text calls it)
    ("caseload", {}, "offenders"),
    ("overdue_visits", {"overdue": "visit"}, "overdue visits"),
    ("overdue_reassessments", {"overdue": "reassessment"}, "overdue reassessments"),
    ("old_drafts", {"attention": "drafts"}, "old drafts"),
]
OFFICER_COLUMNS_SHOWN = [(figure, what) for figure, _filters, what in OFFICER_COLUMNS]


def officer_links(list_url, officer) -> list[str]:
    """The four (escaped) links of an officer's row: the officer filter is encoded once and
    the rest of each query string is the same for every officer."""
    if not officer:
        return [conditional_escape(list_url(**filters)) for _f, filters, _w in OFFICER_COLUMNS]
    base = list_url(officer=officer)
    return [
        conditional_escape(f"{base}&{urlencode(filters)}" if filters else base)
        for _f, filters, _w in OFFICER_COLUMNS
    ]


def officer_row_html(row: dict, list_url, officer) -> str:
    """The table row for one officer: each figure links to the list behind it."""
    name = conditional_escape(row["name"])
    cells = "".join(
        OFFICER_CELL.format(value=int(row[figure]), url=url, what=what, name=name)
        for (figure, what), url in zip(
            OFFICER_COLUMNS_SHOWN, officer_links(list_url, officer), strict=True
        )
    )
    return mark_safe(OFFICER_ROW.format(name=name, cells=cells))  # every value escaped above


def _scope_label(user) -> str:
    if user.role == Role.OFFICER:
        return "Your caseload"
    if user.role == Role.FORCE_ADMIN:
        return f"{user.force} (whole force)"
    names = ", ".join(team.name for team in user.teams.all())
    return names or str(user.force)


@require_GET
def home(request):
    """Aggregate figures only (no one offender's data is shown), so no VIEWED entry is written
    here; the list behind each figure is audited when it is opened."""
    user, today = request.user, timezone.localdate()
    list_url = ListLinks()
    headline, officers = dashboard_figures(user, today)

    def row_html(row):
        # An officer's list is their own already; others link to one officer (or "none").
        officer = "" if user.role == Role.OFFICER else (row["officer_id"] or "none")
        return officer_row_html(row, list_url, officer)

    teams = None  # a large scope: rows by team, paginated, one team opened at a time
    if len(officers) > GROUP_FROM_OFFICERS:
        teams = team_table(user, officers, list_url, row_html, request.GET)
    else:
        for row in officers:
            row["html"] = row_html(row)
    history = overdue_history(user, today, headline)
    level_rows = [
        {"key": key, "label": label, "value": value, "url": list_url(level=key)}
        for key, label, value in headline.level_rows
    ]
    level_svg = charts.level_bar_chart(
        [charts.Bar(r["key"], r["label"], r["value"]) for r in level_rows],
        title="Offenders by level of risk management",
    )
    history_svg = charts.overdue_history_chart(
        [
            charts.MonthPoint(f"{h['month']:%b %Y}", h["visits"], h["reassessments"], h["known"])
            for h in history
        ],
        title="Overdue visits and reassessments over the last 12 months",
    )
    figures = [
        ("Overdue home visits", headline.overdue_visits, list_url(overdue="visit")),
        (
            "Overdue reassessments",
            headline.overdue_reassessments,
            list_url(overdue="reassessment"),
        ),
        (
            "Assessments awaiting countersignature",
            headline.awaiting_countersignature,
            list_url(attention="countersign"),
        ),
        (
            "Level overrides awaiting approval",
            headline.overrides_awaiting,
            list_url(attention="override"),
        ),
        ("In reactive management", headline.reactive, list_url(attention="reactive")),
    ]
    if headline.actions_past_due is not None:
        figures.append(
            ("Risk-plan actions past due", headline.actions_past_due, list_url(attention="actions"))
        )
    return render(
        request,
        "dashboard/home.html",
        {
            "today": today,
            "scope_label": _scope_label(user),
            "headline": headline,
            "figures": figures,
            "level_rows": level_rows,
            "officers": officers,
            "teams": teams,
            "history": history,
            "level_svg": mark_safe(level_svg),  # built from numbers and escaped labels
            "history_svg": mark_safe(history_svg),
            "caseload_url": list_url(),
            "compliance": compliance_figures(user, today),
        },
    )


def _filtered(request):
    form = CaseloadFilterForm(
        request.GET or None, user=request.user, actions_available=plan_action_model() is not None
    )
    filters = form.filters() if form.is_bound and form.is_valid() else {}
    return form, filters


@require_GET
def caseload(request):
    user, today = request.user, timezone.localdate()
    form, filters = _filtered(request)
    paginator = caseload_paginator(user, today, filters)
    page = paginator.get_page(request.GET.get("page"))
    rows = list(page.object_list)
    for offender in rows:
        offender.days_overdue = days_overdue(offender.sort_due, today)
    # The list shows several offenders: one VIEWED entry for the page, attached to the user.
    services.caseload_list_viewed(user=user, filters=form.describe(), shown=len(rows))
    query = urlencode(filters)
    return render(
        request,
        "dashboard/caseload.html",
        {
            "form": form,
            "filters": filters,
            "filter_text": form.describe(),
            "page": page,
            "offenders": rows,
            "capped": paginator.capped,
            "count_cap": COUNT_CAP,
            "today": today,
            "query_string": query,
            "export_url": reverse("dashboard:export") + (f"?{query}" if query else ""),
        },
    )


class _Echo:
    """A file-like object whose write returns the line, for streaming the csv module's output."""

    def write(self, value):
        return value


@require_GET
def export(request):
    user, today = request.user, timezone.localdate()
    form, filters = _filtered(request)
    offenders = caseload_list(user, today, filters)
    services.caseload_exported(user=user, filters=form.describe(), rows=offenders.count())
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in csv_rows(offenders, today)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="caseload-{today:%Y-%m-%d}.csv"'
    response["Cache-Control"] = "no-store"
    return response
