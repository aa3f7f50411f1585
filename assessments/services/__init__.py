"""Writes for ARMS assessments: start, save a factor page, submit, countersign, return.

Every function is one transaction with an audit entry. A countersigned assessment is immutable:
each service re-reads the assessment under a row lock and refuses to touch a locked one, so the
rule holds whatever the view or a tampered form sends.
"""

from ._common import (
    LOCKED_MESSAGE,
    SUBMITTED_MESSAGE,
    StaleAssessmentError,
    contributor_add,
)
from .countersigning import assessment_countersign, assessment_return
from .drafting import (
    RATING_VALUES,
    assessment_start,
    assessment_submit,
    factor_save,
)
from .framework import framework_load

__all__ = [
    "LOCKED_MESSAGE",
    "RATING_VALUES",
    "SUBMITTED_MESSAGE",
    "StaleAssessmentError",
    "assessment_countersign",
    "assessment_return",
    "assessment_start",
    "assessment_submit",
    "contributor_add",
    "factor_save",
    "framework_load",
]
