"""Every writing service has an outsider case (``tests/test_service_outsiders_refusals.py``).

``test_every_writing_service_has_a_case`` finds the writing services in the source (a public
function using ``transaction.atomic``, or taking a keyword-only ``user`` in a services module:
``tests/service_outsiders/discovery.py``), so a new one cannot slip through: it needs a case in
``tests/service_outsiders/`` or an entry in ``NOT_SCOPED``; and every entry of ``NOT_SCOPED``
must still be a writing service.
"""

from __future__ import annotations

from tests import service_outsiders
from tests.service_outsiders import CASES
from tests.service_outsiders.discovery import NOT_SCOPED, writing_services


def test_every_writing_service_has_a_case():
    found = writing_services()
    covered = {case.service for case in CASES}
    missing = sorted(set(found) - covered - set(NOT_SCOPED))
    assert not missing, (
        "Writing services without an outsider case: "
        + ", ".join(f"{found[name]}.{name}" for name in missing)
        + f". Add a Case to {service_outsiders.__name__} (or, if it touches no one's record, "
        "to NOT_SCOPED)"
    )
    assert len(found) >= 30, sorted(found)  # the discovery still finds the services


def test_the_exemptions_are_still_writing_services():
    stale = sorted(set(NOT_SCOPED) - set(writing_services()))
    assert not stale, f"NOT_SCOPED names functions that are gone or no longer write: {stale}"
