"""Monthly snapshots of caseload figures, so the 12-month chart costs one small query.

Written by ``snapshot_caseload`` (run daily from cron: each run overwrites the current month's
row, so a closed month keeps its last day's figures) and by the demo and scale seeds.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Scope(models.TextChoices):
    FORCE = "force", "Force"
    TEAM = "team", "Team"
    OFFICER = "officer", "Officer"


class CaseloadSnapshot(models.Model):
    scope = models.CharField(max_length=10, choices=Scope.choices)
    force = models.ForeignKey("accounts.Force", on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    month = models.DateField(help_text="The first day of the month the figures speak for")
    caseload = models.PositiveIntegerField(default=0)
    low = models.PositiveIntegerField(default=0)
    medium = models.PositiveIntegerField(default=0)
    high = models.PositiveIntegerField(default=0)
    very_high = models.PositiveIntegerField(default=0)
    no_level = models.PositiveIntegerField(default=0)
    overdue_visits = models.PositiveIntegerField(default=0)
    overdue_reassessments = models.PositiveIntegerField(default=0)
    taken_on = models.DateField(help_text="The day the figures were counted")

    class Meta:
        ordering = ["scope", "month"]
        indexes = [
            models.Index(fields=["force", "scope", "month"], name="snapshot_force_month"),
            models.Index(fields=["team", "month"], name="snapshot_team_month"),
            models.Index(fields=["officer", "month"], name="snapshot_officer_month"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "month"],
                condition=Q(scope="force"),
                name="snapshot_one_per_force_month",
            ),
            models.UniqueConstraint(
                fields=["team", "month"],
                condition=Q(scope="team"),
                name="snapshot_one_per_team_month",
            ),
            models.UniqueConstraint(
                fields=["force", "officer", "month"],
                condition=Q(scope="officer"),
                name="snapshot_one_per_officer_month",
            ),
            models.CheckConstraint(
                condition=(Q(scope="force") & Q(team__isnull=True) & Q(officer__isnull=True))
                | (Q(scope="team") & Q(team__isnull=False) & Q(officer__isnull=True))
                | (Q(scope="officer") & Q(team__isnull=True) & Q(officer__isnull=False)),
                name="snapshot_scope_matches_keys",
            ),
        ]

    def __str__(self):
        return f"{self.get_scope_display()} snapshot for {self.month:%B %Y}"
