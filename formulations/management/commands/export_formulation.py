"""Write an offender's countersigned case formulation as a PDF file (``--draft``: the draft in
progress instead, marked DRAFT on every page and in its title).

    python manage.py export_formulation DEMO-001 -o demo-001.pdf --as officer
    python manage.py export_formulation DEMO-001 -o demo-001-draft.pdf --as officer --draft

The command acts for a named person (``--as``): it sees only what that user may see, and the
audit log records the export as a disclosure by them to the file named.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from formulations import services
from formulations.access import can_export_draft_formulation
from formulations.context import formulation_context
from formulations.pdf import formulation_pdf
from formulations.selectors import countersigned_formulation, draft_formulation, latest_formulation
from offenders.access import offender_for_user_by_reference


class Command(BaseCommand):
    help = (
        "Write the countersigned case formulation of an offender (by reference) to a PDF file; "
        "--draft writes the draft in progress, marked DRAFT."
    )

    def add_arguments(self, parser):
        parser.add_argument("reference", help="The offender's local reference, e.g. DEMO-001")
        parser.add_argument("-o", "--output", required=True, help="The PDF file to write")
        parser.add_argument(
            "--as",
            dest="username",
            required=True,
            help="The user the export is made as (their access applies; the audit names them)",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Export the draft in progress (not countersigned); every page is marked DRAFT",
        )

    def handle(self, *args, reference, output, username, draft=False, **options):
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
        formulation = self.formulation(offender, reference, user=user, draft=draft)
        path = Path(output)
        context = formulation_context(
            offender, formulation, today=timezone.localdate(), draft=draft
        )
        data = formulation_pdf(context, user=user)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}") from None
        services.record_disclosure(
            user=user,
            offender=offender,
            obj=formulation,
            summary=f"{'Draft case' if draft else 'Case'} formulation exported to a file "
            "by export_formulation",
            recipients=f"File {path.name} (command-line export)",
            draft=draft,
        )
        self.stdout.write(f"Wrote {path} ({len(data):,} bytes) for {offender}.")

    @staticmethod
    def formulation(offender, reference, *, user, draft):
        if draft:
            if not can_export_draft_formulation(user, offender):
                raise CommandError(f"{user.username} may not export a draft formulation.")
            found = draft_formulation(offender)
            if found is None:
                raise CommandError(f"{reference} has no draft case formulation in progress.")
            return found
        found = countersigned_formulation(offender)
        if found is None:
            if latest_formulation(offender) is None:
                raise CommandError(f"{reference} has no case formulation yet.")
            raise CommandError(
                f"{reference} has no countersigned case formulation yet; "
                "--draft exports the draft in progress."
            )
        return found
