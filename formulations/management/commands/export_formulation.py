"""Write an offender's latest case formulation as a PDF file.

    python manage.py export_formulation DEMO-001 -o demo-001.pdf --as officer

The command acts for a named person (``--as``): it sees only what that user may see, and the
audit log records the export as a disclosure by them to the file named.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from formulations import services
from formulations.context import formulation_context
from formulations.pdf import formulation_pdf
from formulations.selectors import latest_formulation
from offenders.access import offender_for_user_by_reference


class Command(BaseCommand):
    help = "Write the latest case formulation of an offender (by reference) to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="The offender's local reference, e.g. DEMO-001")
        parser.add_argument("-o", "--output", required=True, help="The PDF file to write")
        parser.add_argument(
            "--as",
            dest="username",
            required=True,
            help="The user the export is made as (their access applies; the audit names them)",
        )

    def handle(self, *args, reference, output, username, **options):
        try:
            user = User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user called {username!r}.") from None
        try:
            offender = offender_for_user_by_reference(user, reference)
        except Http404:
            raise CommandError(
                f"No offender with reference {reference!r} that {username} may see."
            ) from None
        formulation = latest_formulation(offender)
        if formulation is None:
            raise CommandError(f"{reference} has no case formulation yet.")
        path = Path(output)
        context = formulation_context(offender, formulation, today=timezone.localdate())
        data = formulation_pdf(context, user=user)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}") from None
        services.record_disclosure(
            user=user,
            offender=offender,
            obj=formulation,
            summary="Case formulation exported to a file by export_formulation",
            recipients=f"File {path.name} (command-line export)",
        )
        self.stdout.write(f"Wrote {path} ({len(data):,} bytes) for {offender}.")
