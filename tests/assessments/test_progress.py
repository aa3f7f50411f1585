"""Pre-fill from the last countersigned assessment, what changed, and progress over time."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from assessments import selectors, services
from assessments.charts import FactorSeries, progress_chart_svg

from .factories import MEDIUM_RATINGS, countersigned, rate_all

SVG = "{http://www.w3.org/2000/svg}"


def test_new_assessment_is_prefilled_from_the_last_countersigned(offender, owner, colleague):
    first = countersigned(offender, owner, colleague)
    second, created = services.assessment_start(user=owner, offender=offender)
    assert created and second.previous == first
    earlier = {r.factor.code: (r.rating, r.evidence, r.sources) for r in first.ratings.all()}
    now = {r.factor.code: (r.rating, r.evidence, r.sources) for r in second.ratings.all()}
    assert now == earlier
    assert all(r.rated for r in second.ratings.all())


def test_what_changed_factor_by_factor(offender, owner, colleague):
    countersigned(offender, owner, colleague)
    second, _ = services.assessment_start(user=owner, offender=offender)
    second = rate_all(
        second,
        owner,
        MEDIUM_RATINGS
        | {"sexual_preoccupation": 0, "positive_routine": 2, "hostile_orientation": 2},
    )
    changes = {c.code: c for c in selectors.changes_since_previous(second)}
    assert len(changes) == 11
    assert (changes["sexual_preoccupation"].before, changes["sexual_preoccupation"].after) == (
        "Some evidence",
        "Not present",
    )
    assert changes["sexual_preoccupation"].direction == "better"
    assert changes["positive_routine"].direction == "better"  # protective up is better
    assert changes["hostile_orientation"].direction == "worse"
    assert not changes["social_investment"].changed
    page_url = reverse("assessments:summary", args=[offender.pk, second.pk])
    from django.test import Client

    client = Client()
    client.force_login(owner)
    page = client.get(page_url).content.decode()
    assert "What changed since" in page and "Improved" in page and "Worse" in page


def test_progress_series_across_countersigned_assessments(offender, owner, colleague):
    countersigned(offender, owner, colleague, MEDIUM_RATINGS | {"sexual_preoccupation": 2})
    countersigned(offender, owner, colleague, MEDIUM_RATINGS | {"sexual_preoccupation": 1})
    countersigned(offender, owner, colleague, MEDIUM_RATINGS | {"sexual_preoccupation": None})
    progress = selectors.progress_over_time(offender)
    assert len(progress.dates) == 3
    by_code = {s.code: s for s in progress.series}
    assert by_code["sexual_preoccupation"].values == [2, 1, None]
    assert [s.protective for s in progress.series].count(True) == 4


def test_progress_table_has_the_same_figures_as_the_chart(owner_client, offender, owner, colleague):
    countersigned(offender, owner, colleague, MEDIUM_RATINGS | {"sexual_preoccupation": 2})
    countersigned(offender, owner, colleague, MEDIUM_RATINGS | {"sexual_preoccupation": 0})
    page = owner_client.get(reverse("assessments:list", args=[offender.pk])).content.decode()
    assert 'id="arms-progress-table"' in page
    table = page[page.index('id="arms-progress-table"') :]
    row = table[
        table.index("Sexual preoccupation") : table.index(
            "</tr>", table.index("Sexual preoccupation")
        )
    ]
    cells = [c.split(">", 1)[1].split("<", 1)[0] for c in row.split("<td")[1:]]
    assert cells == ["2", "0"]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_chart_svg_is_well_formed_and_accessible():
    series = [
        FactorSeries(code="a", name="Sexual preoccupation", values=[2, 1, 0]),
        FactorSeries(code="b", name="Hostile <orientation> & co", values=[1, None, 1]),
    ]
    svg = progress_chart_svg(
        chart_id="c1",
        title="Risk factors",
        description="Lower is better",
        dates=["1 Jan 2025", "1 Jul 2025", "1 Jan 2026"],
        series=series,
    )
    root = _parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Risk factors"
    assert root.find(f"{SVG}desc").text == "Lower is better"
    groups = root.findall(f"{SVG}g")
    assert [g.get("data-factor") for g in groups] == ["a", "b"]
    # The gap (None) breaks the second line: two lone markers, no polyline.
    assert len(groups[0].findall(f"{SVG}polyline")) == 1
    assert len(groups[1].findall(f"{SVG}polyline")) == 0
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "1 Jul 2025" in texts and "Hostile <orientation> & co" in texts
    assert "2 Strong evidence" in texts


def test_chart_factors_differ_by_dash_and_marker_not_only_colour():
    series = [FactorSeries(code=str(i), name=f"F{i}", values=[i % 3, 1]) for i in range(7)]
    root = _parse(
        progress_chart_svg(
            chart_id="c", title="t", description="d", dates=["a", "b"], series=series
        )
    )
    lines = [g.find(f"{SVG}polyline") for g in root.findall(f"{SVG}g")]
    dashes = {line.get("stroke-dasharray") for line in lines}
    assert len(dashes) == 7
    markers = [g.get("data-marker") for g in root.findall(f"{SVG}g")]
    assert len(set(markers)) == 7
    # The legend repeats each line's dash, so the key reads without colour too.
    legend_dashes = [
        line.get("stroke-dasharray")
        for line in root.findall(f"{SVG}line")
        if float(line.get("x2")) - float(line.get("x1")) == 40  # legend swatches
    ]
    assert set(legend_dashes) == dashes


def test_chart_with_one_assessment_and_mismatched_series():
    one = progress_chart_svg(
        chart_id="c",
        title="t",
        description="d",
        dates=["1 Jan"],
        series=[FactorSeries(code="a", name="A", values=[1])],
    )
    assert _parse(one).find(f"{SVG}g/{SVG}circle") is not None
    with pytest.raises(ValueError):
        progress_chart_svg(
            chart_id="c",
            title="t",
            description="d",
            dates=["1 Jan"],
            series=[FactorSeries(code="a", name="A", values=[1, 2])],
        )


def test_chart_module_does_not_need_django():
    import subprocess
    import sys

    code = "import sys; import assessments.charts; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
