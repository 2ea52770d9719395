"""Background work of liaisons (Django's tasks API, the ``django-tasks`` backport on Django 5.2).

``send_liaison_reminders`` does what the daily command does, for installations that run a task worker
(``CWGCOP_TASKS_BACKEND=database`` with ``cwgcop db_worker``) and enqueue it once a day.
"""

from __future__ import annotations

from django_tasks import task

from cwgcop.liaisons import queries, services


@task()
def send_liaison_reminders(days: int | None = None) -> int:
    """E-mail the reminder of each statement for action whose deadline is near or passed; return how many."""
    return services.send_due_reminders(actor=None, statements=list(queries.due_reminders(days=days)))
