from io import StringIO

from django.core.management import call_command

from accounts.models import User
from offenders.models import Offender


def test_seed_demo_is_idempotent_and_prints_the_logins(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    counts = (Offender.objects.count(), User.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Offender.objects.count(), User.objects.count()) == counts
    assert counts[0] >= 40
    demo = Offender.objects.get(local_reference="DEMO-001")
    assert demo.court_appearances.count() == 4
    assert "supervisor" in out.getvalue() and "demo-password-arms" in out.getvalue()
    assert not Offender.objects.exclude(pnc_id="").exclude(pnc_id__startswith="2099/").exists()
