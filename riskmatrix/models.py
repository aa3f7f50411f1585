"""Stored actuarial scores. One row is one completed scoring of one tool for one offender.

A completed record never changes: rescoring creates a new record that supersedes the old one,
so the history shows what was decided, on which inputs, with which rules. The only change the
model accepts on a saved row is the supersession itself (``is_current`` and ``superseded_by``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from arms_site.lib.model_choices import RiskCategoryChoice

from .scoring import Category


class Tool(models.TextChoices):
    # Room for the successor tools (OSP/DC, OSP/IIC) without a new table.
    RM2000 = "rm2000", "Risk Matrix 2000"


CategoryChoice = RiskCategoryChoice  # generated from arms_site.lib.ordinal


SUPERSESSION_FIELDS = frozenset({"is_current", "superseded_by"})


class ImmutableRecordError(ValidationError):
    """Raised on any attempt to change a completed record other than by superseding it."""


class ActuarialRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if not set(kwargs) <= SUPERSESSION_FIELDS | {"superseded_by_id"}:
            raise ImmutableRecordError("A completed score cannot be changed; score again instead.")
        return super().update(**kwargs)

    def current(self):
        return self.filter(is_current=True)


class ActuarialRecord(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.CASCADE, related_name="actuarial_records"
    )
    tool = models.CharField(max_length=20, choices=Tool.choices, default=Tool.RM2000)
    assessment_date = models.DateField(help_text="The date the score speaks for.")

    # What the record proposed, what the officer confirmed, and why they differ.
    proposed = models.JSONField(help_text="Item → {value, source} proposed from the record.")
    inputs = models.JSONField(help_text="Item → value as confirmed by the officer.")
    corrections = models.JSONField(
        default=dict, blank=True, help_text="Item → {proposed, confirmed, reason}."
    )

    # The result, as computed by riskmatrix.scoring with the versions below.
    points = models.JSONField(help_text="Scale → list of [item, value, points].")
    working = models.JSONField(help_text="Scale → list of human-readable lines.")
    s_points = models.PositiveSmallIntegerField()
    s_step1_category = models.CharField(max_length=10, choices=CategoryChoice.choices)
    s_aggravating = models.PositiveSmallIntegerField()
    s_category = models.CharField(max_length=10, choices=CategoryChoice.choices)
    v_points = models.PositiveSmallIntegerField()
    v_category = models.CharField(max_length=10, choices=CategoryChoice.choices)
    c_points = models.PositiveSmallIntegerField()
    c_category = models.CharField(max_length=10, choices=CategoryChoice.choices)
    rules_version = models.CharField(max_length=30)
    c_table_version = models.CharField(max_length=40)
    c_table_provisional = models.BooleanField()

    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="actuarial_records"
    )
    scored_at = models.DateTimeField(default=timezone.now)
    is_current = models.BooleanField(default=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes"
    )

    objects = ActuarialRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-scored_at", "-id"]
        indexes = [
            models.Index(fields=["offender", "tool", "-scored_at"], name="actuarial_history"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["offender", "tool"],
                condition=Q(is_current=True),
                name="actuarial_one_current_per_tool",
            ),
            # A superseded record is never current (the reverse is briefly false while saving).
            models.CheckConstraint(
                condition=Q(superseded_by__isnull=True) | Q(is_current=False),
                name="actuarial_superseded_not_current",
            ),
        ]

    def __str__(self):
        return f"{self.get_tool_display()} for {self.offender_id} on {self.assessment_date}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= SUPERSESSION_FIELDS:
                raise ImmutableRecordError(
                    "A completed score cannot be changed; score again instead."
                )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("riskmatrix:detail", args=[self.offender_id, self.pk])

    @property
    def s(self) -> Category:
        return Category(self.s_category)

    @property
    def v(self) -> Category:
        return Category(self.v_category)

    @property
    def c(self) -> Category:
        return Category(self.c_category)
