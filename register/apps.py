from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "register"
    verbose_name = "The register"

    def ready(self):
        # The offender summary shows the register panel (offenders.hooks).
        from offenders import hooks

        from .access import can_change_register
        from .selectors import panel_facts
        from .services.registration import registration_scope_follow

        hooks.on_offender_saved(registration_scope_follow)
        hooks.summary_panel(
            "register/_summary_panel.html",
            lambda user, offender, today: {
                "register": panel_facts(offender, today),
                "can_change": can_change_register(user, offender),
            },
        )
