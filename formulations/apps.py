from django.apps import AppConfig


class FormulationsConfig(AppConfig):
    name = "formulations"

    def ready(self):
        # The offender summary flags overdue plan actions (offenders.hooks).
        from offenders import hooks

        from .selectors import overdue_actions

        hooks.summary_panel(
            "formulations/_summary_panel.html",
            lambda user, offender, today: {"overdue_actions": overdue_actions(offender, today)},
        )
