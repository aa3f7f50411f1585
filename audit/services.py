from collections.abc import Iterable

from django.db import models

from .models import Action, AuditEvent


def audit_record(
    *,
    actor,
    action: Action,
    obj: models.Model | None = None,
    offender=None,
    summary: str = "",
    changed_fields: Iterable[str] = (),
    recipients: str = "",
) -> AuditEvent:
    """Append one entry to the audit log. Call it inside the service's transaction."""
    if obj is None and offender is None:
        raise ValueError("An audit entry needs the object or the offender it concerns.")
    target = obj if obj is not None else offender
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        offender=offender,
        summary=summary[:255],
        changed_fields=sorted(changed_fields),
        recipients=recipients[:500],
    )
