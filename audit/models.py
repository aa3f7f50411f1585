"""The append-only audit log required by the Data Protection Act 2018, section 62.

Rows are written once and never changed: the model refuses updates and deletes, the admin is
read-only, and on PostgreSQL triggers refuse UPDATE, DELETE and TRUNCATE at the database itself
(migrations 0002 and 0003; the application's role also holds no such privilege, see README).
"""

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    VIEWED = "viewed", "Viewed"  # consultation
    CREATED = "created", "Created"  # collection
    CHANGED = "changed", "Changed"  # alteration
    EXPORTED = "exported", "Exported"  # disclosure (with recipients)
    COMBINED = "combined", "Combined"
    ERASED = "erased", "Erased"
    # Security events (sign-in and account administration), never with a password or code.
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    LOCKED_OUT = "locked_out", "Locked out"
    UNLOCKED = "unlocked", "Unlocked"
    MFA_ENROLLED = "mfa_enrolled", "Second factor set up"
    MFA_RESET = "mfa_reset", "Second factor reset"
    BACKUP_CODE_USED = "backup_code_used", "Backup code used"
    SIGNED_OUT = "signed_out", "Signed out"


class AppendOnlyError(Exception):
    """Raised on any attempt to alter or remove an audit entry."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit entries cannot be deleted.")


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Null only for a failed sign-in with a username that matches no account (the typed name is
    # not stored: people type passwords into the username box).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="audit_events",
        null=True,
        blank=True,
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    # What was touched: a model label ("offenders.offender") and its primary key.
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    # The offender whose data it was, so an offender's history is one indexed query.
    offender = models.ForeignKey(
        "offenders.Offender",
        on_delete=models.PROTECT,
        related_name="audit_events",
        null=True,
        blank=True,
    )
    summary = models.CharField(max_length=255, blank=True)
    # Field names only, never values: the log records that a change happened, not the data.
    changed_fields = models.JSONField(default=list, blank=True)
    recipients = models.CharField(
        max_length=500, blank=True, help_text="For disclosures: who received the data."
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["offender", "-at"], name="audit_offender_at")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")
