"""Writes for the register. Every function is keyword-only, one transaction, with its audit
entry, refuses an outsider with ``PermissionDenied`` (``register.access``) and what the rules
refuse with ``ValidationError`` (field errors on the form)."""

from .notifications import notification_record
from .orders import breach_close, breach_record, order_record
from .registration import registration_end, registration_record

__all__ = [
    "breach_close",
    "breach_record",
    "notification_record",
    "order_record",
    "registration_end",
    "registration_record",
]
