"""The timeline with one of every kind of entry: each one shown, in the same queries as an
offender with none (one query per source, whatever the entries read; the sources fetch only the
columns they show, so a column read without being fetched would cost a query per entry)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from engagements import services
from tests.factories import OffenderFactory
from tests.outsiders import World


def _with_one_of_everything(world: World):
    world.rm2000_record  # noqa: B018
    world.osp_record  # noqa: B018
    services.level_override_decide(
        user=world.colleague, decision=world.decision_requested, approve=False, comment="Not yet"
    )
    episode = world.episode
    episode.decided_by = world.colleague
    episode.decided_at = timezone.now()
    episode.decision_comment = "Agreed"
    episode.end = timezone.localdate()
    episode.end_reason = "New intelligence"
    episode.save()
    world.planned_visit  # noqa: B018
    services.visit_record(
        user=world.owner,
        offender=world.offender,
        completed_at=timezone.now() - datetime.timedelta(days=2),
        kind="home_visit",
        outcome="seen",
        concerns_raised=True,
        concerns="A new partner with children",
    )
    services.change_of_circumstances_record(
        user=world.owner,
        offender=world.offender,
        kind="employment",
        occurred_on=timezone.localdate(),
        details="Started work at a warehouse",
    )
    world.draft  # noqa: B018


def _timeline(client, offender) -> tuple[str, int]:
    url = reverse("engagements:timeline", args=[offender.pk])
    client.get(url)  # warm: sessions, caches
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, len(queries)


@pytest.mark.django_db
def test_every_kind_of_entry_shows_in_the_queries_of_an_empty_timeline(client):
    world = World()
    empty = OffenderFactory(team=world.team, responsible_officer=world.owner)
    _with_one_of_everything(world)
    client.force_login(world.owner)

    html, queries = _timeline(client, world.offender)
    _, empty_queries = _timeline(client, empty)

    owner, supervisor = str(world.owner), str(world.colleague)
    for text in [
        "ARMS assessment countersigned",
        "ARMS assessment: draft",
        "Risk Matrix 2000 scored",
        "OSP scored",
        "Level of risk management: ",
        "Override to ",
        "Override refused",
        "Reactive management proposed",
        "Reactive management approved",
        "Reactive management ended",
        "Home visit (unannounced)",
        "Concerns: A new partner with children",
        "Home visit planned",
        "Change of circumstances: employment",
        owner,
        supervisor,
    ]:
        assert text in html, text
    assert queries == empty_queries
