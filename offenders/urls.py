from django.urls import path

from . import views

app_name = "offenders"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("new/", views.offender_create, name="create"),
    path("<int:pk>/", views.offender_detail, name="detail"),
    path("<int:pk>/edit/", views.offender_edit, name="edit"),
    path("<int:pk>/appearances/", views.offender_appearances, name="appearances"),
    path("<int:pk>/appearances/new/", views.appearance_add, name="appearance_add"),
    path(
        "<int:pk>/appearances/<int:appearance_pk>/offences/new/",
        views.offence_add,
        name="offence_add",
    ),
    path("<int:pk>/aliases/new/", views.alias_add, name="alias_add"),
    path("<int:pk>/addresses/new/", views.address_add, name="address_add"),
    path("<int:pk>/relationships/new/", views.relationship_add, name="relationship_add"),
    path("<int:pk>/history/", views.offender_history, name="history"),
]
