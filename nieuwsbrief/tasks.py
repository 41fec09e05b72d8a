"""Background tasks of the newsletter. Safe to run twice."""

from django_tasks import task

from .privacy import purge_practice_submissions


@task()
def purge_expired_personal_data():
    return {"practice_submissions": purge_practice_submissions()}
