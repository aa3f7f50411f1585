"""Factories for formulations. The ARMS framework version 1 is loaded by a data migration."""

import datetime
import importlib

import factory

from assessments.models import Assessment, FactorRating, FrameworkVersion
from formulations.models import Formulation, MappaMeeting, PlanAction, PlanHeading


def framework():
    """Version 1 of the framework. A transactional test elsewhere in the run may have flushed
    the rows its data migration loaded, so load them again (the loader is idempotent)."""
    if not FrameworkVersion.objects.filter(number=1).exists():
        from django.apps import apps

        migration = importlib.import_module("assessments.migrations.0002_framework_v1")
        migration.load_v1(apps, None)
    return FrameworkVersion.objects.get(number=1)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    framework = factory.LazyFunction(framework)
    derived_priority = "medium"
    final_priority = "medium"

    @factory.post_generation
    def rated(obj, create, extracted, **kwargs):
        """Rate every factor of the framework (pass rated=False to skip)."""
        if extracted is False:
            return
        for n, factor in enumerate(obj.framework.factors.all()):
            FactorRating.objects.create(
                assessment=obj,
                factor=factor,
                rated=True,
                rating=n % 3,
                evidence=f"Evidence for {factor.name.lower()} from the home visit.",
                sources=["offender", "home_visit"],
                work_needed="Review at the next visit." if factor.is_risk else "",
            )


class FormulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Formulation

    offending_history = "Two court appearances, 2015 and 2021."
    risk_drivers = "Isolation and sexual preoccupation."
    risk_raisers = "Loss of his job; contact with children."
    risk_reducers = "Stable work and his sister's support."
    created_by = factory.SelfAttribute("assessment.created_by")
    updated_by = factory.SelfAttribute("assessment.created_by")


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    heading = PlanHeading.SUPERVISION
    description = "Unannounced home visit, evening."
    owner = "MOSOVO officer"
    due_date = datetime.date(2030, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MappaMeeting

    date = datetime.date(2030, 2, 1)
    mappa_level = 2
    agencies = "Police\nProbation\nChildren's services"


def formulation_for(offender, user, *, status="draft", countersigned_by=None, **kwargs):
    extra = {}
    if status == "countersigned":
        from django.utils import timezone

        extra = {"countersigned_at": timezone.now(), "countersigned_by": countersigned_by or user}
    assessment = AssessmentFactory(offender=offender, created_by=user, status=status, **extra)
    return FormulationFactory(assessment=assessment, **kwargs)
