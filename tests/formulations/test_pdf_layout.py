"""The formulation PDF as a chair would sign it off (issue 14, item 2): no row split or heading
stranded at a page break, no near-empty first page, the offending history as a table, GOV.UK
dates without leading zeros, and chart lines with equal values kept apart."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

from pypdf import PdfReader

from assessments.charts import FactorSeries, progress_chart_svg
from formulations import pdf
from formulations.context import formulation_context
from formulations.models import PlanHeading
from tests.factories import CourtAppearanceFactory, OffenceFactory
from tests.formulations.factories import PlanActionFactory, formulation_for

TODAY = datetime.date(2030, 6, 1)
FOOTER = re.compile(r"OFFICIAL-SENSITIVE|Page \d+ of \d+")


def pages(offender, formulation, user) -> list[str]:
    data = pdf.formulation_pdf(formulation_context(offender, formulation, today=TODAY), user=user)
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def long_plan(offender, owner):
    formulation = formulation_for(offender, owner)
    for n in range(36):
        PlanActionFactory(
            formulation=formulation,
            heading=PlanHeading.values[n % len(PlanHeading.values)],
            description=f"Action {n:02d}: an unannounced evening visit with the probation officer "
            "to check the conditions of the order are kept, and to talk about his work.",
        )
    return formulation


def test_no_plan_row_is_split_across_pages(offender, owner):
    texts = pages(offender, long_plan(offender, owner), owner)
    assert len(texts) >= 4
    for n in range(36):
        start = f"Action {n:02d}: an unannounced"
        end = "to talk about his work."
        holding = [t for t in texts if start in t]
        assert len(holding) == 1, start
        page = holding[0]
        assert end in page[page.index(start) :], f"{start}… runs onto the next page"


def test_no_heading_is_the_last_thing_on_a_page(offender, owner):
    texts = pages(offender, long_plan(offender, owner), owner)
    labels = [label for _, label in PlanHeading.choices] + ["Risk management plan"]
    for number, text in enumerate(texts[:-1], 1):
        body = FOOTER.sub("", text).strip()
        body = body.replace(offender.full_name, "").replace(offender.local_reference, "")
        tail = body.rstrip(" ·").strip()
        for label in labels:
            assert not tail.endswith(label), f"page {number} ends with the heading {label!r}"


def test_the_first_page_carries_the_formulation_not_only_a_cover(offender, owner):
    texts = pages(offender, formulation_for(offender, owner), owner)
    assert "Case formulation and risk management plan" in texts[0]
    assert "Offending history summary" in texts[0]


def test_offending_history_is_a_table_with_govuk_dates(offender, owner):
    first = CourtAppearanceFactory(
        offender=offender, sentencing_date=datetime.date(2015, 11, 3), court="Demoton Crown Court"
    )
    OffenceFactory(appearance=first, description="Exposure", kind="sexual", contact=False)
    formulation = formulation_for(offender, owner)
    formulation.offending_history = ""  # the table is built from the record itself
    context = formulation_context(offender, formulation, today=TODAY)
    html = pdf.formulation_html(context, user=owner)
    assert 'class="govuk-table arms-history-table"' in html
    text = " ".join(pages(offender, formulation, owner))
    assert "Court appearances, oldest first (1)" in text
    assert "3 Nov 2015 Demoton Crown Court Exposure (sexual, non-contact)" in text
    assert not re.search(r"\b0\d (January|February|March|April|May|June|July|August|September|"
                         r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", text)  # fmt: skip


def test_generated_history_summary_uses_govuk_dates(offender):
    from formulations.selectors import offending_history_text

    CourtAppearanceFactory(offender=offender, sentencing_date=datetime.date(2015, 11, 3))
    text = offending_history_text(offender)
    assert "3 November 2015" in text and "03 November" not in text


def _points(svg_text: str) -> list[str]:
    root = ET.fromstring(svg_text)
    return [el.get("points") for el in root.iter("{http://www.w3.org/2000/svg}polyline")]


def test_equal_lines_are_offset_and_their_markers_outlined():
    same = [1, 1, 2]
    svg_text = progress_chart_svg(
        chart_id="c",
        title="t",
        description="d",
        dates=["1 Jan 2025", "1 Feb 2025", "1 Mar 2025"],
        series=[FactorSeries("a", "A", same), FactorSeries("b", "B", list(same))],
    )
    first, second = _points(svg_text)[:2]
    assert first != second  # a small vertical offset keeps both lines visible
    ys = [abs(float(a.split(",")[1]) - float(b.split(",")[1]))
          for a, b in zip(first.split(), second.split(), strict=True)]  # fmt: skip
    assert all(2 <= gap <= 10 for gap in ys), ys
    assert 'stroke="#ffffff"' in svg_text  # markers outlined, so stacked ones stay apart
