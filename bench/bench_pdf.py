"""Benchmark of the formulation PDFs (a script, not a test).

    DEBUG=1 .venv/bin/python bench/bench_pdf.py [--runs 5] [--pack-size 20]

Set-up: a throwaway SQLite database in a temporary directory (DATABASE_URL is pointed at it
before Django starts), migrated from scratch (the ARMS framework comes from its data migration),
filled with synthetic offenders, assessments with every factor rated, formulations and plans,
then deleted at the end. Nothing touches the demo or any real database.

It prints the median wall time of:
- one formulation PDF end to end (queries + template + WeasyPrint), and WeasyPrint alone on the
  same HTML;
- a meeting pack of N offenders as the background task builds it (``formulations.services.packs
  .build_pack``), and WeasyPrint alone on the same HTML parts.
The difference between each pair is our overhead (database reads and template rendering).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.TemporaryDirectory(prefix="arms-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP.name}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arms_site.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Force, Role, Team, User  # noqa: E402
from assessments.models import Assessment, FactorRating, FrameworkVersion  # noqa: E402
from formulations.context import formulation_context  # noqa: E402
from formulations.models import Formulation, PackExport, PlanAction, PlanHeading  # noqa: E402
from formulations.pdf import (  # noqa: E402
    formulation_html,
    formulation_pdf,
    html_to_pdf,
    render_parts_to_pdf,  # noqa: E402
)
from formulations.selectors import latest_formulation, offending_history_text  # noqa: E402
from formulations.services import meeting_create  # noqa: E402
from formulations.services.packs import build_pack, pack_html_parts  # noqa: E402
from offenders.models import CourtAppearance, Offence, Offender  # noqa: E402

LOREM = (
    "He described long evenings alone online after losing his job, and said he had stopped "
    "seeing his sister. The home visit found the flat tidy; two phones were seen. "
)


def make_data(count: int):
    force = Force.objects.create(name="Bench Force", code="BENCH")
    team = Team.objects.create(force=force, name="Bench Team")
    officer = User.objects.create(username="bench.officer", role=Role.OFFICER, force=force)
    supervisor = User.objects.create(username="bench.sup", role=Role.SUPERVISOR, force=force)
    for user in (officer, supervisor):
        user.teams.add(team)
    framework = FrameworkVersion.objects.get(number=1)
    factors = list(framework.factors.all())
    offenders = []
    for n in range(count):
        offender = Offender.objects.create(
            surname=f"Benchmark{n}",
            forenames="Synthetic",
            date_of_birth=datetime.date(1980, 1, 1),
            sex="male",
            local_reference=f"BENCH-{n:03d}",
            registration_start=datetime.date(2020, 1, 1),
            notification_period="indefinite",
            team=team,
            responsible_officer=officer,
        )
        for year in (2012, 2016, 2021):
            appearance = CourtAppearance.objects.create(
                offender=offender,
                sentencing_date=datetime.date(year, 5, 1),
                court="Benchton Crown Court",
                disposal="2 years' imprisonment",
            )
            Offence.objects.create(
                appearance=appearance, description="Sexual assault", kind="sexual"
            )
        assessment = Assessment.objects.create(
            offender=offender, framework=framework, created_by=officer, final_priority="high"
        )
        FactorRating.objects.bulk_create(
            FactorRating(
                assessment=assessment,
                factor=f,
                rated=True,
                rating=i % 3,
                evidence=LOREM * 2,
                sources=["offender", "agencies"],
                work_needed=LOREM,
            )
            for i, f in enumerate(factors)
        )
        formulation = Formulation.objects.create(
            assessment=assessment,
            offending_history=offending_history_text(offender),
            risk_drivers=LOREM * 3,
            risk_raisers=LOREM,
            risk_reducers=LOREM,
            created_by=officer,
            updated_by=officer,
        )
        for i, (heading, _) in enumerate(PlanHeading.choices * 2):
            action = PlanAction.objects.create(
                formulation=formulation,
                heading=heading,
                description=LOREM,
                owner="Probation",
                due_date=datetime.date(2030, 1, 1 + i),
            )
            action.factors.set(factors[i % 7 : i % 7 + 2])
        offenders.append(offender)
    meeting = meeting_create(
        user=supervisor,
        date=datetime.date(2030, 2, 1),
        mappa_level=2,
        agencies="Police\nProbation\nChildren's Social Care",
        offenders=offenders,
    )
    return officer, supervisor, offenders, meeting


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pack-size", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    officer, supervisor, offenders, meeting = make_data(args.pack_size)
    offender = offenders[0]
    today = timezone.localdate()

    def one_end_to_end():
        formulation = latest_formulation(offender)
        return formulation_pdf(
            formulation_context(offender, formulation, today=today), user=officer
        )

    html = formulation_html(
        formulation_context(offender, latest_formulation(offender), today=today), user=officer
    )
    pages_one = len(one_end_to_end())  # warm-up (fonts, CSS) and a size to report

    def pack_task():
        export = PackExport.objects.create(meeting=meeting, requested_by=supervisor)
        build_pack(export.pk)

    parts, _ = pack_html_parts(meeting, user=supervisor, generated_at=timezone.now(), today=today)
    pack_runs = max(1, args.runs // 2)
    results = [
        ("One formulation, end to end", median_time(one_end_to_end, args.runs), args.runs),
        (
            "One formulation, WeasyPrint alone",
            median_time(lambda: html_to_pdf(html), args.runs),
            args.runs,
        ),
        (
            f"{args.pack_size}-offender pack, task end to end",
            median_time(pack_task, pack_runs),
            pack_runs,
        ),
        (
            f"{args.pack_size}-offender pack, WeasyPrint alone",
            median_time(lambda: render_parts_to_pdf(parts), pack_runs),
            pack_runs,
        ),
    ]
    print(f"WeasyPrint PDF benchmark (one formulation PDF is {pages_one:,} bytes)")
    for label, seconds, runs in results:
        print(f"  {label:<45} median {seconds * 1000:8.0f} ms  ({runs} runs)")
    one, one_wp, pack, pack_wp = (r[1] for r in results)
    print(
        f"  Overhead over WeasyPrint: one {100 * (one - one_wp) / one_wp:+.0f}%, "
        f"pack {100 * (pack - pack_wp) / pack_wp:+.0f}%"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        TMP.cleanup()
