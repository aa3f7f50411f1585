"""Organisation and people: Force → Team (MOSOVO unit) → users with one role each."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Force(models.Model):
    name = models.CharField(max_length=100, unique=True)
    code = models.CharField(max_length=10, unique=True, help_text="Short code, e.g. DEMO")
    idle_timeout_minutes = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
        help_text="Sign out after this many minutes without a request (5 to 240)",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Team(models.Model):
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["force__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["force", "name"], name="team_name_unique_in_force")
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    OFFICER = "officer", "Offender manager"
    SUPERVISOR = "supervisor", "Supervisor"
    FORCE_ADMIN = "force_admin", "Force administrator"
    READ_ONLY = "read_only", "Read-only (auditor or partner agency)"


class User(AbstractUser):
    """A member of staff. Sees only what their force and team(s) allow (see accounts.access)."""

    force = models.ForeignKey(
        Force, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    teams = models.ManyToManyField(Team, related_name="members", blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OFFICER)
    collar_number = models.CharField(max_length=20, blank=True)

    @property
    def is_officer(self) -> bool:
        return self.role == Role.OFFICER

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR

    @property
    def is_force_admin(self) -> bool:
        return self.role == Role.FORCE_ADMIN

    @property
    def is_read_only(self) -> bool:
        return self.role == Role.READ_ONLY

    @property
    def can_edit_records(self) -> bool:
        return self.role in {Role.OFFICER, Role.SUPERVISOR, Role.FORCE_ADMIN}

    @property
    def can_see_audit(self) -> bool:
        return self.role in {Role.SUPERVISOR, Role.FORCE_ADMIN, Role.READ_ONLY}

    def __str__(self):
        return self.get_full_name() or self.username
