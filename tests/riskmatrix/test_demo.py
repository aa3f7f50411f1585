import io

from demo import offenders as offenders_demo
from demo import riskmatrix as demo
from offenders.models import Offender
from riskmatrix.models import ActuarialRecord
from riskmatrix.selectors import latest_rm2000, rm2000_history


def test_demo_scores_demo_001_twice_most_others_once_and_is_idempotent(db):
    offenders_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    count = ActuarialRecord.objects.count()
    demo.seed(io.StringIO())
    assert ActuarialRecord.objects.count() == count

    daniel = Offender.objects.get(local_reference="DEMO-001")
    old, current = reversed(rm2000_history(daniel))
    assert old.superseded_by == current and latest_rm2000(daniel) == current
    assert old.s_category == "very_high" and current.s_category == "high"
    assert current.inputs["commencement_date"] == "2024-09-20"  # released after the 2021 sentence

    scored = Offender.objects.filter(actuarial_records__isnull=False).distinct()
    unscored_men = Offender.objects.filter(
        local_reference__startswith="DEMO-", sex="male", actuarial_records__isnull=True
    )
    assert not scored.filter(sex="female").exists()
    assert scored.count() > 2 * unscored_men.count() > 0
