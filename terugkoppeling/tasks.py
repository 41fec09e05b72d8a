"""Background work of terugkoppeling, run by the task worker."""

from django_tasks import task

from .retention import purge_expired_report_text as purge


@task()
def purge_expired_report_text():
    """Erase the free text of reports past the retention period (the figures stay). Safe to run twice."""
    return purge()
