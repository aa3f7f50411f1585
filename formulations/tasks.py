"""Background tasks (Django's tasks API through the django-tasks backport; the database backend
in production, run by ``manage.py db_worker``; the immediate backend under the tests)."""

from django_tasks import task

from .packs import build_pack


@task()
def build_meeting_pack(export_id: int) -> None:
    build_pack(export_id)
