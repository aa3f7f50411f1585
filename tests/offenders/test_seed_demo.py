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


def test_demo_names_are_whole_words_without_ligatures():
    """Issue 14, item 10: "Oscar Ofcer" had lost its "fi" ligature in a copy and paste."""
    from pathlib import Path

    from demo.offenders import DEMO_USERS, OTHER_FORCE_USER

    for _username, first, last, _role, _teams in [*DEMO_USERS, OTHER_FORCE_USER]:
        assert first.isascii() and first.isalpha() and first.istitle(), first
        assert last.isascii() and last.isalpha() and last.istitle(), last
    assert ("Oscar", "Officer") in {(u[1], u[2]) for u in DEMO_USERS}
    for path in Path(__file__).resolve().parents[2].joinpath("demo").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not any("\ufb00" <= ch <= "\ufb06" for ch in text), path


def test_most_of_the_officers_demo_caseload_has_a_level(db):
    import io

    from django.core.management import call_command

    from engagements.models import OffenderSchedule

    call_command("seed_demo", stdout=io.StringIO())
    for username in ("officer", "officer2"):
        rows = OffenderSchedule.objects.filter(offender__responsible_officer__username=username)
        with_level = rows.exclude(current_level="").exclude(current_level__isnull=True).count()
        assert with_level * 2 > rows.count(), (username, with_level, rows.count())
