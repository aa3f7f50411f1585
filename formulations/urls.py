from django.urls import path

from .views import formulation as views
from .views import meetings as views_meetings

app_name = "formulations"

urlpatterns = [
    path("offenders/<int:pk>/formulation/", views.detail, name="detail"),
    path("offenders/<int:pk>/formulation/start/", views.start, name="start"),
    path("offenders/<int:pk>/formulation/edit/", views.edit, name="edit"),
    path("offenders/<int:pk>/formulation/pdf/", views.pdf, name="pdf"),
    path("offenders/<int:pk>/formulation/draft/", views.draft, name="draft"),
    path("offenders/<int:pk>/formulation/draft/pdf/", views.draft_pdf, name="draft_pdf"),
    path("offenders/<int:pk>/formulation/actions/new/", views.action_add, name="action_add"),
    path(
        "offenders/<int:pk>/formulation/actions/<int:action_pk>/",
        views.action_edit,
        name="action_edit",
    ),
    path("mappa/", views_meetings.meetings, name="meetings"),
    path("mappa/new/", views_meetings.meeting_create, name="meeting_create"),
    path("mappa/<int:pk>/", views_meetings.meeting_detail, name="meeting"),
    path("mappa/<int:pk>/agenda/", views_meetings.meeting_agenda, name="meeting_agenda"),
    path("mappa/<int:pk>/pack/", views_meetings.pack_request, name="pack_request"),
    path(
        "mappa/<int:pk>/pack/<int:export_pk>/status/",
        views_meetings.pack_status,
        name="pack_status",
    ),
    path(
        "mappa/<int:pk>/pack/<int:export_pk>/download/",
        views_meetings.pack_download,
        name="pack_download",
    ),
]
