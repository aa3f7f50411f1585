"""Chart colours against WCAG 1.4.11 (non-text contrast, 3:1), measured by the formula of WCAG 2
(``arms_site.lib.svg.contrast_ratio``); the figures are in the README's accessibility part."""

import itertools

import pytest

from arms_site.lib import svg
from assessments import charts as progress_charts
from dashboard import charts as dashboard_charts

DATA_COLOURS = {
    *progress_charts.COLOURS,
    *(colour for colour, _pattern in dashboard_charts.LEVEL_STYLES.values()),
    *(style.colour for _attr, _legend, style in dashboard_charts.SERIES),
}


def test_the_formula_gives_the_known_end_points():
    assert svg.contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert svg.contrast_ratio("#1d70b8", "#1d70b8") == pytest.approx(1)
    assert svg.contrast_ratio(svg.BLUE, svg.WHITE) == pytest.approx(5.17, abs=0.01)


@pytest.mark.parametrize("colour", sorted(DATA_COLOURS))
def test_every_colour_a_chart_draws_data_in_has_3_to_1_on_white(colour):
    assert svg.contrast_ratio(colour, svg.WHITE) >= 3


def test_the_two_dashboard_lines_differ_from_each_other_by_3_to_1():
    (_a, _la, first), (_b, _lb, second) = dashboard_charts.SERIES
    assert svg.contrast_ratio(first.colour, second.colour) >= 3


def test_the_progress_lines_that_cannot_differ_by_3_to_1_differ_in_marker_and_dash():
    """With three or more colours each 3:1 on white, some pair is always under 3:1 to each other,
    so every series also has its own marker and dash (WCAG 1.4.1, not colour alone)."""
    count = len(progress_charts.COLOURS)
    styles = [progress_charts._style(i) for i in range(count)]
    for first, second in itertools.combinations(styles, 2):
        if svg.contrast_ratio(first.colour, second.colour) < 3:
            assert first.marker != second.marker and first.dash != second.dash
