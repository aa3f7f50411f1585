"""Finding the writing services in the source: a public function of a project app using
``transaction.atomic``, or taking a keyword-only ``user`` in a services module; and the
functions found that act on no other team's record (``NOT_SCOPED``)."""

from __future__ import annotations

import ast
import importlib
import pathlib
from collections.abc import Callable
from functools import cache

import pytest
from django.apps import apps
from django.conf import settings

SKIPPED_DIRS = {"migrations", "management", "templatetags", "tests", "__pycache__"}

# Functions the search finds that act on no other team's record (or write nothing), with why.
NOT_SCOPED = {
    "seed_scale": "bulk generator of synthetic SCALE- data for a management command; no user",
    "snapshot_month": "the daily system job copying the schedule's figures; no user",
    "backfill_history": "synthetic past snapshots for demonstration data; no user",
    "build_pack": "the worker half of pack_request, building an export pack_request authorised",
    "caseload_list_viewed": "logs that the user viewed their own caseload; touches no record",
    "caseload_exported": "logs the user's own caseload CSV download; touches no record",
    "record_viewed": "the audit primitive a page calls after its own access check; no record",
    "pack_html_parts": "writes nothing: renders build_pack's HTML of what the user may see",
    # The sign-in steps act on the signed-in user's own account and record its security events.
    "sign_in_recorded": "records the user's own sign-in step; no one else's record",
    "sign_in_failed": "records a failed sign-in for the account named; no record changes",
    "locked_out_recorded": "records a refused sign-in for the account named; no record changes",
    "signed_out_recorded": "records the user's own sign-out",
    "mfa_enrolment_start": "the user's own unconfirmed authenticator device",
    "mfa_enrolment_confirm": "the user's own device (another user's device is refused: tested in tests/accounts)",
    "verify_code": "checks the user's own code",
    "verify_backup_code": "uses up one of the user's own backup codes",
    "record_security_event": "the audit primitive of the sign-in services",
}


def _project_app_dirs() -> list[pathlib.Path]:
    base = pathlib.Path(settings.BASE_DIR).resolve()
    dirs = []
    for config in apps.get_app_configs():
        path = pathlib.Path(config.path).resolve()
        if base in path.parents and ".venv" not in path.parts and "site-packages" not in path.parts:
            dirs.append(path)
    return dirs


def _writes(node: ast.FunctionDef, module: str) -> bool:
    if "transaction.atomic" in ast.unparse(node):
        return True
    in_services = "services" in module.split(".")
    return in_services and any(arg.arg == "user" for arg in node.args.kwonlyargs)


@cache
def writing_services() -> dict[str, str]:
    """{function name: module} for every public writing function of the project's apps."""
    base = pathlib.Path(settings.BASE_DIR).resolve()
    found = {}
    for app_dir in _project_app_dirs():
        for path in sorted(app_dir.rglob("*.py")):
            relative = path.relative_to(base)
            if SKIPPED_DIRS.intersection(relative.parts):
                continue
            module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            for node in ast.parse(path.read_text()).body:
                if (
                    isinstance(node, ast.FunctionDef)
                    and not node.name.startswith("_")
                    and _writes(node, module)
                ):
                    found.setdefault(node.name, module)
    return found


def service(name: str) -> Callable:
    module = writing_services().get(name)
    if module is None:
        pytest.fail(
            f"No writing service named {name} in the project any more: update its case in "
            f"{__package__} (renamed? moved out of a services module?)",
            pytrace=False,
        )
    return getattr(importlib.import_module(module), name)
