from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone
from django_tasks import task

from . import conf


def purge_old_login_records(now=None):
    """Delete django-axes' records of logins (IP address, username, browser) past their retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=int(conf.get("ADMIN_LOGIN_RECORDS_DAYS")))
    return {
        model.__name__: model.objects.filter(attempt_time__lt=cutoff).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    }


@task()
def purge_login_records():
    return purge_old_login_records()
