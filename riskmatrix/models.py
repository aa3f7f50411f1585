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
    RM2000 = "rm2000", "Risk Matrix 2000"
    # One OSP record holds both OSP/DC and OSP/IIC: they are scored together from one set of inputs.
    OSP = "osp", "OSP (OSP/DC and OSP/IIC)"


class StaticToolChoice(models.TextChoices):
    """The values of ``assessments.combiner.StaticTool`` (the policy's static tool), with their names for people."""

    RM2000 = "rm2000", "Risk Matrix 2000 (RM2000/S)"
    OSP = "osp", "OSP (the higher of OSP/DC and OSP/IIC)"


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

    # The result, as computed by riskmatrix.scoring (RM2000) or riskmatrix.osp (OSP); the other
    # tool's columns stay empty (see the constraints).
    points = models.JSONField(help_text="Scale → list of [item, value, points].")
    working = models.JSONField(help_text="Scale → list of human-readable lines.")
    s_points = models.PositiveSmallIntegerField(null=True, blank=True)
    s_step1_category = models.CharField(
        max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    s_aggravating = models.PositiveSmallIntegerField(null=True, blank=True)
    s_category = models.CharField(
        max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    v_points = models.PositiveSmallIntegerField(null=True, blank=True)
    v_category = models.CharField(
        max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    c_points = models.PositiveSmallIntegerField(null=True, blank=True)
    c_category = models.CharField(
        max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    rules_version = models.CharField(max_length=30)
    c_table_version = models.CharField(max_length=40, blank=True, default="")
    c_table_provisional = models.BooleanField(null=True, blank=True)

    dc_points = models.PositiveSmallIntegerField("OSP/DC points", null=True, blank=True)
    dc_band = models.CharField(
        "OSP/DC band", max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    dc_band_before_reduction = models.CharField(
        max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    dc_percentage = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    dc_reduced = models.BooleanField(null=True, blank=True)
    dc_reduction = models.TextField(blank=True, default="", help_text="Why it was or was not.")
    iic_band = models.CharField(
        "OSP/IIC band", max_length=10, choices=CategoryChoice.choices, null=True, blank=True
    )
    iic_percentage = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    iic_row = models.CharField(max_length=80, blank=True, default="")

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
            # Each tool's record carries its own result.
            models.CheckConstraint(
                condition=(
                    Q(tool="rm2000", s_category__isnull=False, c_category__isnull=False)
                    | Q(tool="osp", dc_band__isnull=False, iic_band__isnull=False)
                ),
                name="actuarial_result_of_its_tool",
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
        name = "riskmatrix:osp_detail" if self.tool == Tool.OSP else "riskmatrix:detail"
        return reverse(name, args=[self.offender_id, self.pk])

    @property
    def iic_rate(self) -> str:
        """OSP/IIC's rate as the hierarchy gives it (10.31, 3.328, 0): no padding zeros."""
        if self.iic_percentage is None:
            return ""
        return format(self.iic_percentage.normalize(), "f")

    @property
    def osp_category(self) -> Category | None:
        """OSP's starting category for the level: the higher of OSP/DC (reduced) and OSP/IIC."""
        if self.tool != Tool.OSP:
            return None
        return max(Category(self.dc_band), Category(self.iic_band), key=lambda c: c.rank)

    @property
    def s(self) -> Category:
        return Category(self.s_category)

    @property
    def v(self) -> Category:
        return Category(self.v_category)

    @property
    def c(self) -> Category:
        return Category(self.c_category)
