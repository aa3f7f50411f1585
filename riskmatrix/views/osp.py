"""OSP pages. Thin: resolve through the access helpers, bind the form, call one service."""

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import record_viewed
from offenders.access import offender_for_user

from ..models import Tool
from ..osp_answers import OSP_ITEMS
from ..osp_forms import OspForm, shown
from ..osp_prefill import offender_osp_not_applicable_reason, propose_osp_for_offender
from ..selectors import osp_history, record_for_user
from ..services import osp_record
from ._scoring import ScoringPage, scoring_page


@require_GET
def history(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="OSP history viewed")
    today = timezone.localdate()
    return render(
        request,
        "riskmatrix/osp_history.html",
        {
            "offender": offender,
            "tab": "osp",
            "records": osp_history(offender),
            "not_applicable": offender_osp_not_applicable_reason(offender, today),
        },
    )


OSP_PAGE = ScoringPage(
    tab="osp",
    title="OSP assessment (OSP/DC and OSP/IIC)",
    template="riskmatrix/osp_start.html",
    not_applicable_template="riskmatrix/osp_not_applicable.html",
    history_url="riskmatrix:osp_history",
    viewed_summary="OSP form viewed",
    not_applicable_summary="OSP: not applicable viewed",
    not_applicable_reason=offender_osp_not_applicable_reason,
    propose=propose_osp_for_offender,
    form_class=OspForm,
    record=osp_record,
    scored_message=lambda record: (
        f"OSP scored: OSP/DC {record.get_dc_band_display()}, "
        f"OSP/IIC {record.get_iic_band_display()}"
    ),
)


@require_http_methods(["GET", "POST"])
def start(request, pk):
    return scoring_page(request, pk, OSP_PAGE)


def _stored(item, value):
    if item.kind in ("date", "optional_date") and value is not None:
        return shown(datetime.date.fromisoformat(value))
    return shown(value)


def _item_rows(record) -> list[dict]:
    """One row per input: proposed value and source, recorded value, reason for any change."""
    rows = []
    for item in OSP_ITEMS:
        proposed = record.proposed.get(item.name, {})
        rows.append(
            {
                "label": item.label,
                "proposed": _stored(item, proposed.get("value")),
                "source": proposed.get("source", ""),
                "recorded": _stored(item, record.inputs.get(item.name)),
                "correction": record.corrections.get(item.name),
            }
        )
    return rows


@require_GET
def detail(request, pk, record_pk):
    offender, record = record_for_user(request.user, pk, record_pk, tool=Tool.OSP)
    record_viewed(user=request.user, offender=offender, summary="OSP result viewed")
    return render(
        request,
        "riskmatrix/osp_detail.html",
        {"offender": offender, "tab": "osp", "record": record, "rows": _item_rows(record)},
    )
