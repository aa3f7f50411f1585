"""Changes of circumstances: each triggers a review (a reassessment becomes due at once)."""

from django.conf import settings
from django.db import models

from arms_site.lib.dates import gov_date


class ChangeKind(models.TextChoices):
    NEW_ADDRESS = "new_address", "New address"
    RELATIONSHIP = "relationship", "New or ended relationship"
    EMPLOYMENT = "employment", "Employment"
    ARREST = "arrest", "Arrest"
    INTELLIGENCE = "intelligence", "Intelligence received"
    RELEASE = "release_from_custody", "Release from custody"
    # recorded by register.services: a late notification or a suspected breach
    REGISTER_COMPLIANCE = "register_compliance", "Register: late notification or suspected breach"


ADVERSE_KINDS = (ChangeKind.ARREST, ChangeKind.INTELLIGENCE, ChangeKind.REGISTER_COMPLIANCE)


class ChangeOfCircumstances(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="changes_of_circumstances"
    )
    kind = models.CharField(max_length=24, choices=ChangeKind.choices)
    occurred_on = models.DateField()
    details = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name_plural = "changes of circumstances"

    def __str__(self):
        return f"{self.get_kind_display()} on {gov_date(self.occurred_on)}"
