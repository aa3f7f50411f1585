import pytest
from django.db import IntegrityError, transaction

from assessments.models import Assessment, Factor, FactorRating, FrameworkVersion
from assessments.priority import FACTOR_CODES, PROTECTIVE_FACTORS


def test_framework_version_1_is_loaded_by_migration(db):
    framework = FrameworkVersion.objects.get(number=1)
    codes = list(framework.factors.values_list("code", flat=True))
    assert codes == list(FACTOR_CODES)
    protective = set(framework.factors.filter(kind="protective").values_list("code", flat=True))
    assert protective == set(PROTECTIVE_FACTORS)
    assert all(f.guidance for f in framework.factors.all())


def test_rating_outside_0_1_2_is_refused_by_the_database(offender, owner):
    framework = FrameworkVersion.objects.get(number=1)
    assessment = Assessment.objects.create(offender=offender, framework=framework, created_by=owner)
    factor = Factor.objects.filter(framework=framework).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        FactorRating.objects.create(assessment=assessment, factor=factor, rated=True, rating=3)
    assert FactorRating.objects.count() == 0
