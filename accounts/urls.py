from django.urls import path

from .views import people, signin, statement

urlpatterns = [
    path("login/", signin.sign_in, name="login"),
    path("accessibility/", statement.accessibility_statement, name="accessibility"),
    path("login/code/", signin.code, name="login_code"),
    path("login/backup-code/", signin.backup, name="login_backup"),
    path("login/set-up/", signin.enrol, name="login_enrol"),
    path("logout/", signin.sign_out, name="logout"),
    path("session/keep-alive/", signin.keep_alive, name="keep_alive"),
    path("accounts/", people.account_list, name="accounts"),
    path("accounts/new/", people.account_add, name="account_add"),
    path("accounts/<int:pk>/", people.account_detail, name="account"),
    path("accounts/<int:pk>/<str:action>/", people.account_action, name="account_action"),
]
