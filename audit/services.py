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


def record_viewed(
    *, user, summary: str, offender=None, obj: models.Model | None = None
) -> AuditEvent:
    """Consultation (DPA 2018 s.62): the one way pages and lists log that data was seen.

    - A page about one offender: pass ``offender`` (``obj`` defaults to it).
    - A list of offenders (caseload, search results, a dashboard list): pass neither; the entry
      is attached to the viewer with a summary of what was listed (never search words), not one
      entry per row, which at force scale would drown the log.
    - Something else (a meeting agenda, the level policy): pass ``obj``, and ``offender`` where
      the page shows that offender.
    """
    if obj is None:
        obj = offender if offender is not None else user
    return audit_record(
        actor=user, action=Action.VIEWED, obj=obj, offender=offender, summary=summary
    )


def record_security_event(*, action: Action, user=None, summary: str, actor=None) -> AuditEvent:
    """A sign-in or account event about ``user`` (None: a username that matches no account).

    ``actor`` is who did it (a force administrator unlocking someone); by default the user.
    Never pass a password, a code, a token or a typed username: the summary names the event.
    """
    actor = actor if actor is not None else user
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        object_type="accounts.user",
        object_id=str(user.pk) if user is not None else "",
        summary=summary[:255],
    )
