"""Writes for formulations, plans and MAPPA meetings: keyword-only, one transaction each,
audited, and refused (``PermissionDenied``) to anyone the access policy refuses.

- ``formulation``: the case formulation and its risk management plan.
- ``meetings``: MAPPA meetings, their agendas, pack requests and disclosures.
- ``packs``: building a meeting pack, and the background task that runs it.
"""

from .formulation import (
    ACTION_FIELDS,
    FORMULATION_FIELDS,
    LOCKED_MESSAGE,
    STALE_MESSAGE,
    formulation_start,
    formulation_update,
    plan_action_create,
    plan_action_update,
)
from .meetings import meeting_create, meeting_set_agenda, pack_request, record_disclosure
from .packs import build_meeting_pack, build_pack

__all__ = [
    "ACTION_FIELDS",
    "FORMULATION_FIELDS",
    "LOCKED_MESSAGE",
    "STALE_MESSAGE",
    "build_meeting_pack",
    "build_pack",
    "formulation_start",
    "formulation_update",
    "meeting_create",
    "meeting_set_agenda",
    "pack_request",
    "plan_action_create",
    "plan_action_update",
    "record_disclosure",
]
