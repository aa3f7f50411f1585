from django.urls import path

from .views import decisions, policy, timetable, visits

app_name = "engagements"

urlpatterns = [
    # The caseload reads the schedule, so it is served here, at /offenders/.
    path("offenders/", timetable.caseload, name="caseload"),
    path("offenders/<int:pk>/timetable/", timetable.timetable, name="timetable"),
    path(
        "offenders/<int:pk>/timetable/visit-frequency/",
        visits.visit_frequency,
        name="visit_frequency",
    ),
    path(
        "offenders/<int:pk>/timetable/visit-frequency/default/",
        visits.visit_frequency_clear,
        name="visit_frequency_clear",
    ),
    path("offenders/<int:pk>/timeline/", timetable.timeline, name="timeline"),
    path("offenders/<int:pk>/visits/plan/", visits.visit_plan, name="visit_plan"),
    path("offenders/<int:pk>/visits/record/", visits.visit_record, name="visit_record"),
    path(
        "offenders/<int:pk>/visits/<int:visit_pk>/record/",
        visits.visit_complete,
        name="visit_complete",
    ),
    path("offenders/<int:pk>/changes/new/", visits.change_record, name="change_record"),
    path("offenders/<int:pk>/level/override/", decisions.override_request, name="override_request"),
    path(
        "offenders/<int:pk>/level/<int:decision_pk>/decide/",
        decisions.override_decide,
        name="override_decide",
    ),
    path(
        "offenders/<int:pk>/reactive/propose/", decisions.reactive_propose, name="reactive_propose"
    ),
    path(
        "offenders/<int:pk>/reactive/<int:episode_pk>/decide/",
        decisions.reactive_decide,
        name="reactive_decide",
    ),
    path("level-policy/", policy.policy, name="policy"),
    path("level-policy/edit/", policy.policy_edit, name="policy_edit"),
]
