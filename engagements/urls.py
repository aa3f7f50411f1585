from django.urls import path

from . import frequency_views, views

app_name = "engagements"

urlpatterns = [
    path("offenders/<int:pk>/timetable/", views.timetable, name="timetable"),
    path(
        "offenders/<int:pk>/timetable/visit-frequency/",
        frequency_views.visit_frequency,
        name="visit_frequency",
    ),
    path(
        "offenders/<int:pk>/timetable/visit-frequency/default/",
        frequency_views.visit_frequency_clear,
        name="visit_frequency_clear",
    ),
    path("offenders/<int:pk>/timeline/", views.timeline, name="timeline"),
    path("offenders/<int:pk>/visits/plan/", views.visit_plan, name="visit_plan"),
    path("offenders/<int:pk>/visits/record/", views.visit_record, name="visit_record"),
    path(
        "offenders/<int:pk>/visits/<int:visit_pk>/record/",
        views.visit_complete,
        name="visit_complete",
    ),
    path("offenders/<int:pk>/changes/new/", views.change_record, name="change_record"),
    path("offenders/<int:pk>/level/override/", views.override_request, name="override_request"),
    path(
        "offenders/<int:pk>/level/<int:decision_pk>/decide/",
        views.override_decide,
        name="override_decide",
    ),
    path("offenders/<int:pk>/reactive/propose/", views.reactive_propose, name="reactive_propose"),
    path(
        "offenders/<int:pk>/reactive/<int:episode_pk>/decide/",
        views.reactive_decide,
        name="reactive_decide",
    ),
    path("level-policy/", views.policy, name="policy"),
    path("level-policy/edit/", views.policy_edit, name="policy_edit"),
]
