"""axe-core in the browser tests: one helper every test uses to check a page at WCAG 2.2 AA."""

import pytest
from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the standard the accessibility statement claims.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def axe_violations(page) -> list[dict]:
    """Inject axe-core into the page as it is now and return its WCAG A/AA violations."""
    page.wait_for_load_state("networkidle")
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe(violations: list[dict]) -> str:
    """Each violation's rule, impact and the first few offending elements, for the failure."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible():
    """``assert_accessible(page, name)``: axe finds 0 violations on the page as it stands."""

    def check(page, name: str = "") -> None:
        violations = axe_violations(page)
        assert len(violations) == 0, f"axe on {name or page.url}:\n{describe(violations)}"

    return check
