"""OSP, the OASys Sexual reoffending Predictor: OSP/DC (direct contact) and OSP/IIC (indecent
images and indirect contact), HMPPS's successor to RM2000/S.

The project's own implementation of the rules written out in docs/domain.md, section "OSP"
(confirmed there from the Ministry of Justice's open actuarial code); it copies no code.

Pure functions, in the style of ``riskmatrix.scoring``: nothing here reads settings, the clock, the
database or any file, so a result depends only on its arguments and ``RULES_VERSION``. Bad input
raises ``ValueError`` naming the field; a case the tool was not built for raises
``NotApplicable`` with the reason. Never a default.

Where the domain notes and issue 13 could be read differently, this module follows the issue:
- a bool where a count belongs is refused (the issue lists it; the notes do not mention it);
- OSP/DC's percentage is rounded to 2 decimal places; OSP/IIC's rates are kept as the notes
  give them (3.328, 0.926, ...), since the issue asks for 2 places for OSP/DC only.
Choices where the notes are silent:
- age in whole years counts a 29 February birthday from 1 March in a common year, as
  ``riskmatrix.prefill.age_on`` does for RM2000;
- an age under 18 at the start of follow-up (but 18+ on the assessment date) scores 14 on the age
  item ("20 or under → 14"), not 15 from the formula;
- the reduction's "5 whole years" is reached on the fifth anniversary (60 calendar months on,
  31st → month end, 29 February → 28 February), and a date after the assessment date never
  reaches it; an offence date later than the assessment date is not refused (not in the rules);
- when several "not applicable" reasons hold, the first of: a woman, under 18, no sexual sanction.
"""

from ._case import ADULT_AGE, COUNTS, MAX_AGE, RULES_VERSION, SANCTIONS_RANGE, age_on
from .dc import (
    DC_BANDS,
    DC_PER_SANCTION,
    DCResult,
    dc_age_points,
    dc_band,
    dc_percentage,
    dc_sexual_age_points,
    osp_dc,
)
from .iic import IIC_ROWS, IICResult, osp_iic

__all__ = [
    "ADULT_AGE",
    "COUNTS",
    "DC_BANDS",
    "DC_PER_SANCTION",
    "IIC_ROWS",
    "MAX_AGE",
    "RULES_VERSION",
    "SANCTIONS_RANGE",
    "DCResult",
    "IICResult",
    "age_on",
    "dc_age_points",
    "dc_band",
    "dc_percentage",
    "dc_sexual_age_points",
    "osp_dc",
    "osp_iic",
]
