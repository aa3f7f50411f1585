"""factory-boy factories. Synthetic data only: references start TEST-, PNC years are 2099."""

import datetime

import factory

from accounts.models import Force, Role, Team, User
from offenders.models import (
    Address,
    CourtAppearance,
    NotificationPeriod,
    Offence,
    OffenceKind,
    Offender,
    Sex,
)


class ForceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Force
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Test Force {n}")
    code = factory.Sequence(lambda n: f"TF{n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    force = factory.SubFactory(ForceFactory)
    name = factory.Sequence(lambda n: f"MOSOVO Unit {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User{n}")
    role = Role.OFFICER
    force = factory.LazyAttribute(lambda o: o.team.force if o.team else ForceFactory())

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        team = kwargs.pop("team", None)
        user = super()._create(model_class, *args, **kwargs)
        user.set_password("test-password")
        user.save()
        if team is not None:
            user.teams.add(team)
        return user


class OffenderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offender
        skip_postgeneration_save = True

    surname = factory.Faker("last_name", locale="en_GB")
    forenames = factory.Faker("first_name_male", locale="en_GB")
    date_of_birth = datetime.date(1985, 4, 1)
    sex = Sex.MALE
    local_reference = factory.Sequence(lambda n: f"TEST-{n:04d}")
    registration_start = datetime.date(2020, 1, 1)
    notification_period = NotificationPeriod.INDEFINITE
    team = factory.SubFactory(TeamFactory)
    responsible_officer = None

    @factory.post_generation
    def schedule(obj, create, extracted, **kwargs):
        """Every offender has its schedule row (``offender_create`` makes it): the lists and the
        dashboard read them. Made by the one writer of the schedule."""
        if create:
            from engagements.services.schedule import schedule_refresh

            schedule_refresh(obj)


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    offender = factory.SubFactory(OffenderFactory)
    line_1 = "1 Test Street"
    town = "Testville"
    postcode = "ZZ9 9ZZ"
    start_date = datetime.date(2020, 1, 1)


class CourtAppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourtAppearance

    offender = factory.SubFactory(OffenderFactory)
    sentencing_date = datetime.date(2015, 6, 1)
    court = "Testville Crown Court"
    disposal = "Community order"


class OffenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offence

    appearance = factory.SubFactory(CourtAppearanceFactory)
    description = "Sexual assault"
    kind = OffenceKind.SEXUAL
