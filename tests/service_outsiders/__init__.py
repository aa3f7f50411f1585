"""The cases of the service refusals (``tests/test_service_outsiders_refusals.py``,
``tests/test_service_outsiders_coverage.py``): one ``Case`` per writing service (``case``), by
area (``accounts_and_offenders``, ``assessments_and_engagements``, ``plans_register_and_meetings``),
together in ``CASES``; finding the writing services in the source (``discovery``); and what
"nothing written" means (``snapshot``).
"""

from __future__ import annotations

from tests.service_outsiders.accounts_and_offenders import ACCOUNTS_AND_OFFENDERS
from tests.service_outsiders.assessments_and_engagements import ASSESSMENTS_AND_ENGAGEMENTS
from tests.service_outsiders.plans_register_and_meetings import PLANS_REGISTER_AND_MEETINGS

CASES = [*ACCOUNTS_AND_OFFENDERS, *ASSESSMENTS_AND_ENGAGEMENTS, *PLANS_REGISTER_AND_MEETINGS]
