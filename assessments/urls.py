from django.urls import path

from . import views

app_name = "assessments"

base = "offenders/<int:pk>/arms/"
one = base + "<int:assessment_pk>/"

urlpatterns = [
    path(base, views.assessment_list, name="list"),
    path(base + "start/", views.assessment_start, name="start"),
    path(one, views.task_list, name="tasks"),
    path(one + "factors/<slug:code>/", views.factor_edit, name="factor"),
    path(one + "summary/", views.summary, name="summary"),
    path(one + "countersign/", views.countersign, name="countersign"),
]
