"""Offender (nominal) records: identity, addresses, status, MAPPA and court appearances."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from arms_site.lib.dates import gov_date


class Sex(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"


class Status(models.TextChoices):
    ACTIVE = "active", "Active in the community"
    CUSTODY = "custody", "In custody"
    REACTIVE = "reactive", "Reactive management"
    MOVED_OUT = "moved_out", "Moved out of force"
    DECEASED = "deceased", "Deceased"
    REMOVED = "removed", "Removed from the register"


class MappaCategory(models.IntegerChoices):
    CAT_1 = 1, "Category 1: registered sexual offender"
    CAT_2 = 2, "Category 2: violent offender"
    CAT_3 = 3, "Category 3: other dangerous offender"
    CAT_4 = 4, "Category 4: terrorism"


class MappaLevel(models.IntegerChoices):
    LEVEL_1 = 1, "Level 1: ordinary agency management"
    LEVEL_2 = 2, "Level 2: active multi-agency management"
    LEVEL_3 = 3, "Level 3: active multi-agency management, senior staff"


class NotificationPeriod(models.TextChoices):
    INDEFINITE = "indefinite", "Indefinite"
    TEN_YEARS = "10y", "10 years"
    SEVEN_YEARS = "7y", "7 years"
    FIVE_YEARS = "5y", "5 years"
    THREE_HALF_YEARS = "3y6m", "3 years 6 months (under 18)"
    TWO_HALF_YEARS = "2y6m", "2 years 6 months (under 18)"
    TWO_YEARS = "2y", "2 years"
    ONE_YEAR = "1y", "1 year (caution, under 18)"


class Offender(models.Model):
    surname = models.CharField(max_length=100)
    forenames = models.CharField(max_length=150)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices)
    pnc_id = models.CharField("PNC ID", max_length=13, blank=True)
    local_reference = models.CharField(
        "Local or ViSOR reference", max_length=30, unique=True, help_text="For example DEMO-001"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    mappa_category = models.PositiveSmallIntegerField(
        "MAPPA category", choices=MappaCategory.choices, default=MappaCategory.CAT_1
    )
    mappa_level = models.PositiveSmallIntegerField(
        "MAPPA level", choices=MappaLevel.choices, default=MappaLevel.LEVEL_1
    )
    registration_start = models.DateField("Registration start date")
    notification_period = models.CharField(max_length=12, choices=NotificationPeriod.choices)
    last_release_date = models.DateField("Last release from custody", null=True, blank=True)
    community_sentence_start = models.DateField(
        "Start of the current community sentence",
        null=True,
        blank=True,
        help_text="With the last release, this gives the start of follow-up that OSP uses.",
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="offenders")
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="caseload",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["surname", "forenames"]
        indexes = [
            models.Index(fields=["surname", "forenames"], name="offender_name"),
            models.Index(fields=["pnc_id"], name="offender_pnc"),
            models.Index(fields=["responsible_officer", "status"], name="offender_officer_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pnc_id"], condition=~Q(pnc_id=""), name="offender_pnc_unique"
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.local_reference})"

    def get_absolute_url(self):
        return reverse("offenders:detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.forenames} {self.surname.upper()}"

    @property
    def force(self):
        return self.team.force


class Alias(models.Model):
    offender = models.ForeignKey(Offender, on_delete=models.CASCADE, related_name="aliases")
    surname = models.CharField(max_length=100)
    forenames = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["surname", "forenames"]
        verbose_name_plural = "aliases"

    def __str__(self):
        return f"{self.forenames} {self.surname.upper()}".strip()


class Address(models.Model):
    offender = models.ForeignKey(Offender, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField("Address line 1", max_length=150)
    line_2 = models.CharField("Address line 2", max_length=150, blank=True)
    town = models.CharField("Town or city", max_length=100)
    postcode = models.CharField(max_length=10)
    start_date = models.DateField("Lived here from")
    end_date = models.DateField("Lived here until", null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name_plural = "addresses"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="address_end_after_start",
            )
        ]

    def __str__(self):
        return ", ".join(p for p in [self.line_1, self.line_2, self.town, self.postcode] if p)

    @property
    def is_current(self) -> bool:
        return self.end_date is None


class RelationshipKind(models.TextChoices):
    MARRIAGE = "marriage", "Marriage"
    CIVIL_PARTNERSHIP = "civil_partnership", "Civil partnership"
    COHABITATION = "cohabitation", "Lived with a partner (not married)"


class Relationship(models.Model):
    """A marriage, civil partnership or cohabitation on the record, with its dates: the facts
    from which RM2000's "never married" is proposed (rule: ``riskmatrix.marital``)."""

    offender = models.ForeignKey(Offender, on_delete=models.CASCADE, related_name="relationships")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    start_date = models.DateField("Started")
    end_date = models.DateField("Ended", null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="relationship_end_after_start",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {gov_date(self.start_date, short=True)}"


class CourtAppearance(models.Model):
    """One sentencing occasion. RM2000 counts these, not offences."""

    offender = models.ForeignKey(
        Offender, on_delete=models.CASCADE, related_name="court_appearances"
    )
    sentencing_date = models.DateField()
    court = models.CharField(max_length=150)
    disposal = models.CharField(max_length=200, help_text="For example 4 years' imprisonment")
    custodial = models.BooleanField("Custodial sentence", default=False)

    class Meta:
        ordering = ["-sentencing_date"]

    def __str__(self):
        return f"{gov_date(self.sentencing_date, short=True)}, {self.court}"


class OffenceKind(models.TextChoices):
    SEXUAL = "sexual", "Sexual"
    VIOLENT = "violent", "Violent (non-sexual)"
    BURGLARY = "burglary", "Burglary"
    OTHER = "other", "Other"


class SexualOffenceType(models.TextChoices):
    """What OSP counts for each sexual offence (RM2000 only needs contact or not)."""

    CONTACT_ADULT = "contact_adult", "Contact, adult victim"
    CONTACT_CHILD = "contact_child", "Contact, child victim"
    NON_CONTACT = "non_contact", "Non-contact (other than indecent images)"
    IMAGES = "images", "Indecent images"


CONTACT_TYPES = frozenset({SexualOffenceType.CONTACT_ADULT, SexualOffenceType.CONTACT_CHILD})


class Offence(models.Model):
    appearance = models.ForeignKey(
        CourtAppearance, on_delete=models.CASCADE, related_name="offences"
    )
    description = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=OffenceKind.choices)
    offence_date = models.DateField(null=True, blank=True)
    contact = models.BooleanField(
        "Contact offence", default=True, help_text="Untick for a non-contact offence"
    )
    victim_male = models.BooleanField("A victim was male", default=False)
    victim_stranger = models.BooleanField("A victim was a stranger", default=False)
    # Blank for an offence that is not sexual, or a sexual one recorded before OSP whose
    # victim's age was not recorded (the OSP proposal says so and the officer counts it).
    sexual_type = models.CharField(
        "Type of sexual offence", max_length=15, choices=SexualOffenceType.choices, blank=True
    )

    class Meta:
        ordering = ["appearance", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="sexual") | Q(sexual_type=""),
                name="offence_sexual_type_only_sexual",
            ),
        ]

    def __str__(self):
        return self.description
