from django.apps import AppConfig


class EngagementsConfig(AppConfig):
    name = "engagements"

    def ready(self):
        # The dashboard's read model follows every offender write (offenders.hooks).
        # Imported here because models must be loaded first (Django's rule for ready()).
        from assessments import hooks as assessment_hooks
        from offenders import hooks as offender_hooks

        from .selectors.static import static_risk
        from .services.decisions import level_decision_on_countersign
        from .services.schedule import schedule_follow_offender

        offender_hooks.on_offender_saved(schedule_follow_offender)
        # Countersigning an assessment records the level decision in the same transaction.
        assessment_hooks.on_countersigned(level_decision_on_countersign)
        # The offender summary shows the static risk: the policy's tool and each tool's result.
        offender_hooks.summary_panel(
            "engagements/_static_risk_panel.html",
            lambda user, offender, today: {"static": static_risk(offender)},
        )
