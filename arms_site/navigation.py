"""The service navigation: each menu item shows when the app's access policy says so.

A context processor (the project layer may ask every app), so templates carry no role rules.
"""

from accounts.access import can_manage_accounts
from assessments.access import can_load_framework
from engagements.access import can_manage_level_policy
from formulations.access import can_handle_meetings
from offenders.access import can_add_offender


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if not user.is_verified():  # between the password and the code: only "Sign out"
        return {"nav": {"verified": False}}
    return {
        "nav": {
            "verified": True,
            "add_offender": can_add_offender(user),
            "meetings": can_handle_meetings(user),
            "level_policy": can_manage_level_policy(user),
            "framework": can_load_framework(user),
            "accounts": can_manage_accounts(user),
        }
    }
