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


def test_demo_osp_shows_the_reduction_not_applied_applied_and_images_only(db):
    from demo import osp as osp_demo
    from riskmatrix.selectors import latest_osp

    offenders_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    osp_demo.seed(io.StringIO())
    count = ActuarialRecord.objects.count()
    osp_demo.seed(io.StringIO())
    assert ActuarialRecord.objects.count() == count

    daniel = latest_osp(Offender.objects.get(local_reference="DEMO-001"))
    assert daniel.dc_reduced is False and "5 whole years have not passed" in daniel.dc_reduction
    assert daniel.inputs["follow_up_start"] == "2024-09-20"
    reduced = latest_osp(Offender.objects.get(local_reference="DEMO-041"))
    assert reduced.dc_reduced and (reduced.dc_band_before_reduction, reduced.dc_band) == (
        "high",
        "medium",
    )
    images = latest_osp(Offender.objects.get(local_reference="DEMO-042"))
    assert (images.iic_band, images.dc_band) == ("high", "low")
