from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Forces, teams and users"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
