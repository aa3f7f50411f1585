"""export_formulation: success, unknown reference, no formulation, --as required."""

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from audit.models import Action, AuditEvent
from tests.formulations.factories import formulation_for


def test_export_writes_the_pdf_and_audits(tmp_path, offender, owner, read_pdf):
    formulation_for(offender, owner, status="countersigned")
    target = tmp_path / "out.pdf"
    call_command("export_formulation", offender.local_reference, "-o", str(target), "--as", "owner")
    text, _ = read_pdf(target.read_bytes())
    assert offender.full_name in text
    event = AuditEvent.objects.get(action=Action.EXPORTED)
    assert event.actor == owner and "out.pdf" in event.recipients


def test_unknown_reference_fails_clearly(tmp_path, owner):
    with pytest.raises(CommandError, match="No offender with reference 'NOPE-9'"):
        call_command("export_formulation", "NOPE-9", "-o", str(tmp_path / "x.pdf"), "--as", "owner")


def test_offender_outside_the_users_force_is_unknown(tmp_path, offender, owner, outsider):
    formulation_for(offender, owner)
    with pytest.raises(CommandError, match="No offender"):
        call_command(
            "export_formulation",
            offender.local_reference,
            "-o",
            str(tmp_path / "x.pdf"),
            "--as",
            "outsider",
        )


def test_no_formulation_fails_clearly(tmp_path, offender, owner):
    with pytest.raises(CommandError, match="has no case formulation yet"):
        call_command(
            "export_formulation",
            offender.local_reference,
            "-o",
            str(tmp_path / "x.pdf"),
            "--as",
            "owner",
        )
    assert not (tmp_path / "x.pdf").exists()


def test_as_is_required(tmp_path, offender):
    with pytest.raises(CommandError, match="--as"):
        call_command("export_formulation", offender.local_reference, "-o", str(tmp_path / "x.pdf"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("NOPE-9", "No offender with reference 'NOPE-9'"),
        ("TEST-0001", "TEST-0001 has no case formulation yet."),
    ],
)
def test_command_line_exit_code_is_non_zero(tmp_path, offender, owner, capsys, reference, message):
    """As run from the shell: CommandError becomes exit status 1 and a message on stderr."""
    argv = ["manage.py", "export_formulation", reference, "-o", str(tmp_path / "x.pdf")]
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility([*argv, "--as", "owner"]).execute()
    assert exit_info.value.code == 1
    assert message in capsys.readouterr().err
