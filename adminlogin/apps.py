from datetime import timedelta

from django.apps import AppConfig


class AdminLoginConfig(AppConfig):
    # Logging in to the admin: second factor, login throttling, idle sessions.
    name = "adminlogin"
    verbose_name = "Inloggen beheer"

    def ready(self):
        from home.periodic import register_periodic

        from .tasks import purge_login_records

        # Failed and successful logins hold IP addresses and usernames: kept only for the retention period.
        register_periodic(purge_login_records, every=timedelta(hours=24))
