"""The accessibility statement (Public Sector Bodies (Websites and Mobile Applications) (No. 2)
Accessibility Regulations 2018): public, like the sign-in page, so anyone can read it before
signing in or when signing in is what fails them."""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

# The dates the statement reports (GOV.UK model statement, "Preparation of this statement").
PREPARED_ON = datetime.date(2026, 12, 2)
LAST_TESTED_ON = datetime.date(2026, 12, 2)


@login_not_required
@require_GET
def accessibility_statement(request):
    return render(
        request,
        "accounts/accessibility.html",
        {"prepared_on": PREPARED_ON, "last_tested_on": LAST_TESTED_ON},
    )
