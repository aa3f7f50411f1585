"""The register's compliance figures on the dashboard: each a count in a fixed number of queries
(``register.selectors.compliance_counts``), a list behind it and its CSV download, audited like
the caseload list (one VIEWED entry per page shown, one EXPORTED entry per download)."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET

from register.selectors import FIGURES, compliance_counts, compliance_querysets

from .services import caseload_exported, caseload_list_viewed

PAGE_SIZE = 50
DEFAULT = "periodic_overdue"  # the list shown without a figure chosen
OFFENDER = (
    "offender_id",
    "offender__local_reference",
    "offender__surname",
    "offender__forenames",
    "offender__team__name",
    "offender__responsible_officer__first_name",
    "offender__responsible_officer__last_name",
)


@dataclass(frozen=True)
class Column:
    date: str  # the figure's date column
    date_label: str
    detail: str  # one more column to show
    detail_label: str


COLUMNS = {
    "periodic_due": Column(
        "next_periodic_due", "Periodic notification due by", "last_notified_on", "Last notified"
    ),
    "periodic_overdue": Column(
        "next_periodic_due", "Periodic notification due by", "last_notified_on", "Last notified"
    ),
    "travel": Column("departure_date", "Departs", "destinations", "Destinations"),
    "orders_ending": Column("end_date", "Order ends", "kind", "Order"),
    "breaches": Column("found_on", "Found", "what", "What happened"),
    "registrations_ending": Column("last_day", "On the register until", "disposal", "Disposal"),
}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int
    url: str
    csv_url: str


def compliance_figures(user, today: datetime.date) -> list[Figure]:
    counts = compliance_counts(user, today)
    list_url, csv_url = reverse("dashboard:compliance"), reverse("dashboard:compliance_export")
    return [
        Figure(
            key,
            label,
            counts[key],
            f"{list_url}?figure={key}",
            f"{csv_url}?figure={key}",
        )
        for key, label in FIGURES.items()
    ]


def _rows(user, today, figure):
    if not isinstance(figure, str) or figure not in FIGURES:
        raise Http404("No such figure")
    column = COLUMNS[figure]
    queryset = compliance_querysets(user, today)[figure]
    rows = queryset.order_by(column.date, "pk").values_list(*OFFENDER, column.date, column.detail)
    return column, rows, queryset


class _RowsPaginator(Paginator):
    """Pages of the rows (joined to the offender for its columns); the count of the figure's
    own table, without those joins."""

    def __init__(self, rows, per_page, counted):
        super().__init__(rows, per_page)
        self.counted = counted

    @cached_property
    def count(self) -> int:
        return self.counted.count()


def _shown(row, figure: str) -> dict:
    officer = " ".join(part for part in row[5:7] if part) or "Not allocated"
    detail = row[8]
    labels = DETAIL_LABELS.get(figure)
    if labels:
        detail = labels.get(detail, detail)
    return {
        "reference": row[1],
        "name": f"{row[3]} {row[2].upper()}",
        "team": row[4],
        "officer": officer,
        "date": row[7],
        "detail": detail,
    }


def _labels():
    from register.models import DISPOSAL_CHOICES, OrderKind

    return {
        "orders_ending": dict(OrderKind.choices),
        "registrations_ending": dict(DISPOSAL_CHOICES),
    }


DETAIL_LABELS = _labels()


@require_GET
def compliance_list(request):
    user, today, figure = request.user, timezone.localdate(), request.GET.get("figure", DEFAULT)
    column, rows, counted = _rows(user, today, figure)
    page = _RowsPaginator(rows, PAGE_SIZE, counted).get_page(request.GET.get("page"))
    shown = [
        _shown(row, figure) | {"url": reverse("offenders:detail", args=[row[0]])}
        for row in page.object_list
    ]
    caseload_list_viewed(
        user=user, filters=f"register: {FIGURES[figure].lower()}", shown=len(shown)
    )
    return render(
        request,
        "dashboard/compliance.html",
        {
            "title": FIGURES[figure],
            "column": column,
            "rows": shown,
            "page": page,
            "today": today,
            "export_url": f"{reverse('dashboard:compliance_export')}?figure={figure}",
            "query_string": f"figure={figure}",
        },
    )


def _cell(value) -> str:
    """A spreadsheet cell: a leading = + - @ is quoted so it is never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


@require_GET
def compliance_export(request):
    user, today, figure = request.user, timezone.localdate(), request.GET.get("figure", DEFAULT)
    column, rows, counted = _rows(user, today, figure)
    caseload_exported(
        user=user, filters=f"register: {FIGURES[figure].lower()}", rows=counted.count()
    )
    header = [
        "Reference",
        "Surname",
        "Forenames",
        "Team",
        "Officer",
        column.date_label,
        column.detail_label,
    ]

    def lines():
        yield header
        for row in rows.iterator(chunk_size=2000):
            shown = _shown(row, figure)
            yield [
                _cell(value)
                for value in (
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    shown["officer"],
                    row[7],
                    shown["detail"],
                )
            ]

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(line) for line in lines()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{figure}-{today:%Y-%m-%d}.csv"'
    response["Cache-Control"] = "no-store"
    return response
