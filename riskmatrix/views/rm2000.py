"""RM2000 pages. Thin: resolve through the access helpers, bind the form, call one service."""

import datetime

from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import record_viewed
from offenders.access import offender_for_user

from ..answers import ITEMS
from ..forms import Rm2000Form
from ..prefill import fmt, offender_not_applicable_reason, propose_for_offender
from ..selectors import record_for_user, rm2000_history
from ..services import rm2000_record
from ._scoring import ScoringPage, scoring_page


@require_GET
def history(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="Risk Matrix 2000 history viewed")
    return render(
        request,
        "riskmatrix/history.html",
        {"offender": offender, "tab": "rm2000", "records": rm2000_history(offender)},
    )


RM2000_PAGE = ScoringPage(
    tab="rm2000",
    title="Risk Matrix 2000 assessment",
    template="riskmatrix/start.html",
    not_applicable_template="riskmatrix/not_applicable.html",
    history_url="riskmatrix:history",
    viewed_summary="Risk Matrix 2000 form viewed",
    not_applicable_summary="Risk Matrix 2000: not applicable page viewed",
    not_applicable_reason=offender_not_applicable_reason,
    propose=propose_for_offender,
    form_class=Rm2000Form,
    record=rm2000_record,
    scored_message=lambda record: f"Risk Matrix 2000 scored: {record.get_s_category_display()}",
)


@require_http_methods(["GET", "POST"])
def start(request, pk):
    return scoring_page(request, pk, RM2000_PAGE)


def _item_rows(record) -> list[dict]:
    """One row per item: proposed value and source, recorded value, points, reason for change."""
    s_points = {label: pts for label, _value, pts in record.points["s"]}
    v_points = {label: pts for label, _value, pts in record.points["v"]}
    age_label = "Age at commencement of risk"
    points = {
        "age": f"S {s_points[age_label]}, V {v_points[age_label]}",
        "sexual_appearances": f"S {s_points['Sexual appearances']}",
        "criminal_appearances": f"S {s_points['Criminal appearances']}",
        "violent_appearances": f"V {v_points['Violent appearances']}",
        "burglary": f"V {v_points['Any conviction for burglary']}",
    }
    rows = []
    for item in ITEMS:
        proposed = record.proposed.get(item.name, {})
        value = record.inputs[item.name]
        if item.kind == "flag":
            shown = "Yes" if value else "No"
            scored = points.get(item.name) or (
                "S aggravating factor" if value else "S not an aggravating factor"
            )
        else:
            shown, scored = str(value), points[item.name]
        if item.kind == "age":
            start = datetime.date.fromisoformat(record.inputs["commencement_date"])
            shown += f" (risk commenced {fmt(start)})"
        prop_value = proposed.get("value")
        rows.append(
            {
                "label": item.label,
                "proposed": "Not proposed"
                if prop_value is None
                else (("Yes" if prop_value else "No") if item.kind == "flag" else prop_value),
                "source": proposed.get("source", ""),
                "recorded": shown,
                "points": scored,
                "correction": record.corrections.get(item.name),
            }
        )
    return rows


@require_GET
def detail(request, pk, record_pk):
    offender, record = record_for_user(request.user, pk, record_pk)
    record_viewed(user=request.user, offender=offender, summary="Risk Matrix 2000 result viewed")
    return render(
        request,
        "riskmatrix/detail.html",
        {"offender": offender, "tab": "rm2000", "record": record, "rows": _item_rows(record)},
    )
