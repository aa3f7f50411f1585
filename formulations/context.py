"""The context of a formulation, one function per section, shared by the page and the PDF.

Each section returns ``None`` when its source is missing (no assessment, no RM2000 score, no
level of risk management yet); the template then says "Not yet recorded" for that section.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import mark_safe

from assessments.charts import progress_chart_svg
from assessments.models import FactorRating, InformationSource
from assessments.selectors import progress_over_time
from engagements.selectors import offender_schedule, static_risk

from .selectors import actions_by_heading, offending_history_text, plan_actions


@dataclass
class AppearanceRow:
    sentenced: object
    court: str
    offences: list[str]
    disposal: str


def appearance_rows(offender) -> list[AppearanceRow]:
    """The court appearances, oldest first, as the offending history table shows them."""
    appearances = sorted(
        offender.court_appearances.prefetch_related("offences"), key=lambda a: a.sentencing_date
    )
    return [
        AppearanceRow(
            sentenced=a.sentencing_date,
            court=a.court,
            offences=[
                f"{o.description} ({o.get_kind_display().lower()}"
                f"{', non-contact' if o.kind == 'sexual' and not o.contact else ''})"
                for o in a.offences.all()
            ],
            disposal=a.disposal,
        )
        for a in appearances
    ]


def history_section(offender, formulation) -> dict | None:
    """The court appearances as a table, and the officer's summary when it says more than the
    generated list that the table now shows."""
    if formulation is None:
        return None
    rows = appearance_rows(offender)
    summary = formulation.offending_history.strip()
    if summary == offending_history_text(offender).strip():
        summary = ""
    if not rows and not summary:
        return None
    return {"summary": summary, "appearances": rows}


@dataclass
class FactorRow:
    name: str
    is_risk: bool
    rating_label: str
    rating: int | None
    rated: bool
    evidence: str
    sources: list[str]
    work_needed: str
    note: str

    @property
    def is_active(self) -> bool:
        """A risk factor counts as active when rated 1 or 2, or when information is missing."""
        return self.rated and (self.rating is None or self.rating >= 1)


def factors_section(formulation) -> dict | None:
    if formulation is None:
        return None
    ratings = FactorRating.objects.filter(assessment=formulation.assessment).select_related(
        "factor"
    )
    source_labels = dict(InformationSource.choices)
    rows = [
        FactorRow(
            name=r.factor.name,
            is_risk=r.factor.is_risk,
            rating_label=r.rating_label,
            rating=r.rating,
            rated=r.rated,
            evidence=r.evidence,
            sources=[source_labels.get(s, s) for s in r.sources or []],
            work_needed=r.work_needed,
            note=r.insufficient_information_note,
        )
        for r in ratings
    ]
    if not rows:
        return None
    return {
        "risk": [r for r in rows if r.is_risk],
        "protective": [r for r in rows if not r.is_risk],
        "active_count": sum(1 for r in rows if r.is_risk and r.is_active),
    }


def narrative_section(formulation) -> dict | None:
    if formulation is None:
        return None
    items = [
        ("What drives the risk", formulation.risk_drivers),
        ("What would raise the risk", formulation.risk_raisers),
        ("What would lower the risk", formulation.risk_reducers),
    ]
    return {"items": items} if any(text.strip() for _, text in items) else None


def priority_section(formulation) -> dict | None:
    if formulation is None:
        return None
    assessment = formulation.assessment
    value = assessment.final_priority or assessment.derived_priority
    if not value:
        return None
    return {
        "value": value,
        "label": dict(type(assessment)._meta.get_field("final_priority").choices)[value],
        "derived": assessment.get_derived_priority_display(),
        "overridden": bool(assessment.final_priority)
        and assessment.final_priority != assessment.derived_priority,
        "rationale": assessment.override_rationale,
    }


def progress_section(offender) -> dict | None:
    """The factor-progress charts (SVG, from the ARMS feature) and the same figures as a table."""
    progress = progress_over_time(offender)
    if not progress.dates:
        return None
    name = offender.full_name
    charts = []
    for chart_id, title, hint, protective in (
        ("f-risk-chart", "Risk factor ratings", "lower is better", False),
        ("f-protective-chart", "Protective factor ratings", "higher is better", True),
    ):
        series = [s for s in progress.series if s.protective == protective]
        svg = progress_chart_svg(
            chart_id=chart_id,
            title=f"{title} of {name} across countersigned assessments",
            description=f"{hint.capitalize()}. The same figures are in the table that follows.",
            dates=progress.dates,
            series=series,
        )
        # Every text inside the SVG is escaped by progress_chart_svg.
        charts.append((f"{title} ({hint})", mark_safe(svg)))  # noqa: S308
    return {"charts": charts, "progress": progress}


def rm2000_section(record) -> dict | None:
    """The current RM2000 record's three scales (``record`` from ``static_risk``)."""
    if record is None:
        return None
    return {
        "record": record,
        "rows": [
            ("RM2000/S (sexual)", record.s_category, record.get_s_category_display()),
            ("RM2000/V (violence)", record.v_category, record.get_v_category_display()),
            ("RM2000/C (combined)", record.c_category, record.get_c_category_display()),
        ],
        "scored_at": record.scored_at,
    }


def management_section(offender, today) -> dict | None:
    schedule = offender_schedule(offender)
    if schedule is None or not getattr(schedule, "current_level", None):
        return None
    return {"schedule": schedule}


def plan_section(formulation, today) -> dict | None:
    if formulation is None:
        return None
    actions = list(plan_actions(formulation))
    groups = actions_by_heading(formulation, actions)
    for action in actions:
        action.overdue = action.is_overdue(today)
    return {
        "groups": groups,
        "count": len(actions),
        "overdue": [a for a in actions if a.overdue],
    }


def formulation_context(offender, formulation, *, today, draft: bool = False) -> dict:
    """Everything ``formulations/_formulation.html`` needs, for the page and the PDF alike.
    ``draft``: the formulation is the one in progress, not countersigned (marked as such)."""
    static = static_risk(offender)
    return {
        "draft": draft,
        "offender": offender,
        "formulation": formulation,
        "assessment": formulation.assessment if formulation else None,
        "history": history_section(offender, formulation),
        "factors": factors_section(formulation),
        "narrative": narrative_section(formulation),
        "priority": priority_section(formulation),
        "progress": progress_section(offender),
        "rm2000": rm2000_section(static["rm2000"]),
        "static": static,
        "management": management_section(offender, today),
        "plan": plan_section(formulation, today),
        "today": today,
    }
